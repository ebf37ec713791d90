package io.learnstack.query.statements;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.attachments.AttachmentContent;
import io.learnstack.query.attachments.AttachmentContents;

/**
 * The answer to a statement query with {@code attachments=true} (xAPI 1.0.3 Communication 2.1.3, 2.0.0
 * section 4.1.6.1): {@code multipart/mixed}, the first part the JSON answer, then one part for each
 * distinct attachment content the answered statements refer to by sha2 and the LRS holds. An attachment
 * sent by fileUrl only has no content here, and gets no part.
 */
@Component
class MultipartStatements {

    private static final String CRLF = "\r\n";

    private final AttachmentContents contents;
    private final ObjectMapper json;

    MultipartStatements(AttachmentContents contents, ObjectMapper json) {
        this.contents = contents;
        this.json = json;
    }

    /**
     * @param tenant     whose attachments to read
     * @param answer     the JSON answer: the StatementResult, or the single statement
     * @param statements the answered statements as stored, where the attachments are looked up
     * @param headers    the headers of the JSON answer, kept; the Content-Type is set here
     */
    ResponseEntity<byte[]> answer(String tenant, String answer, List<String> statements, HttpHeaders headers) {
        List<AttachmentContent> found = contents.find(tenant, hashesIn(statements));
        byte[] json = answer.getBytes(StandardCharsets.UTF_8);
        String boundary = boundaryNotIn(json, found);
        ByteArrayOutputStream body = new ByteArrayOutputStream(json.length + 256
                + found.stream().mapToInt(content -> content.content().length + 256).sum());
        text(body, "--" + boundary + CRLF + "Content-Type: application/json" + CRLF + CRLF);
        body.writeBytes(json);
        for (AttachmentContent content : found) {
            text(body, CRLF + "--" + boundary + CRLF
                    + "Content-Type: " + content.contentType() + CRLF
                    + "Content-Transfer-Encoding: binary" + CRLF
                    + "X-Experience-API-Hash: " + content.sha2() + CRLF + CRLF);
            body.writeBytes(content.content());
        }
        text(body, CRLF + "--" + boundary + "--" + CRLF);
        HttpHeaders multipart = new HttpHeaders();
        multipart.putAll(headers);
        multipart.set(HttpHeaders.CONTENT_TYPE, "multipart/mixed; boundary=" + boundary);
        return ResponseEntity.ok().headers(multipart).body(body.toByteArray());
    }

    /** The sha2 of every attachment of the statements and their SubStatements, each once, in order. */
    private Set<String> hashesIn(List<String> statements) {
        Set<String> hashes = new LinkedHashSet<>();
        for (String statement : statements) {
            // Most statements have no attachments: they need not be parsed.
            if (!statement.contains("\"attachments\"")) {
                continue;
            }
            try {
                JsonNode parsed = json.readTree(statement);
                addHashes(parsed.path("attachments"), hashes);
                JsonNode object = parsed.path("object");
                if ("SubStatement".equals(object.path("objectType").asText())) {
                    addHashes(object.path("attachments"), hashes);
                }
            } catch (JsonProcessingException unreadable) {
                throw new IllegalStateException("a stored statement is not valid JSON", unreadable);
            }
        }
        return hashes;
    }

    private static void addHashes(JsonNode attachments, Set<String> hashes) {
        for (JsonNode attachment : attachments) {
            if (attachment.path("sha2").isTextual()) {
                hashes.add(attachment.get("sha2").asText().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A random boundary, drawn again in the unlikely case that some content contains it. */
    private static String boundaryNotIn(byte[] json, List<AttachmentContent> found) {
        while (true) {
            String boundary = "learnstack-" + UUID.randomUUID().toString().replace("-", "");
            byte[] delimiter = boundary.getBytes(StandardCharsets.US_ASCII);
            if (!contains(json, delimiter) && found.stream().noneMatch(content -> contains(content.content(), delimiter))) {
                return boundary;
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void text(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
