package io.learnstack.command.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.StatementSignature;

/**
 * Matches the attachments a request's statements declare with the parts that carry their contents
 * (xAPI 1.0.3 Communication 1.5.2 and Data 2.4.11, 2.0.0 section 4.1.3), and checks signed statements.
 * <ul>
 *   <li>every part after the statements has a Content-Type, {@code Content-Transfer-Encoding: binary}
 *       and an {@code X-Experience-API-Hash} its content hashes to (SHA-224, -256, -384 or -512, told
 *       apart by length);</li>
 *   <li>every part is an attachment of some statement of the request, by hash;</li>
 *   <li>every attachment without a {@code fileUrl} has a part, so the LRS never stores a statement whose
 *       attachment content it cannot give back; one with a {@code fileUrl} may have a part as well;</li>
 *   <li>a signature attachment has contentType {@value StatementSignature#CONTENT_TYPE}, a part, and a
 *       signature {@link StatementSignature} accepts.</li>
 * </ul>
 * Instances hold no state and may be shared.
 */
public final class StatementAttachments {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Map<Integer, String> DIGESTS = Map.of(56, "SHA-224", 64, "SHA-256", 96, "SHA-384",
            128, "SHA-512");

    private final StatementSignature signatures = new StatementSignature();

    /**
     * @param statements the request's statements as the client sent them, each already valid
     * @param parts      the parts of the request after the statements, empty for a JSON request
     * @return the contents the request delivered, one per hash, in the order of their parts
     * @throws InvalidStatementException on the first rule broken
     */
    public List<ReceivedAttachment> check(List<JsonNode> statements, List<Part> parts) {
        Map<String, ReceivedAttachment> received = receive(parts);
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode statement = statements.get(i);
            String path = statements.size() > 1 ? "statement[" + i + "]" : "statement";
            declare(statement.get("attachments"), path + ".attachments", received, declared);
            JsonNode object = statement.path("object");
            if ("SubStatement".equals(object.path("objectType").asText())) {
                declare(object.get("attachments"), path + ".object.attachments", received, declared);
            }
            checkSignatures(statement, path, received);
        }
        for (String sha2 : received.keySet()) {
            if (!declared.contains(sha2)) {
                throw new InvalidStatementException("the part with X-Experience-API-Hash " + sha2
                        + " is not an attachment of any statement in the request");
            }
        }
        return new ArrayList<>(received.values());
    }

    private static Map<String, ReceivedAttachment> receive(List<Part> parts) {
        Map<String, ReceivedAttachment> received = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            // The statements are the request's first part: attachments count from the second.
            String where = "multipart/mixed part " + (i + 2);
            String contentType = part.header("Content-Type");
            if (contentType == null || contentType.isEmpty()) {
                throw new InvalidStatementException(where + ": an attachment part needs a Content-Type header");
            }
            String encoding = part.header("Content-Transfer-Encoding");
            if (!"binary".equalsIgnoreCase(encoding)) {
                throw new InvalidStatementException(where + ": an attachment part needs the header "
                        + "Content-Transfer-Encoding: binary" + (encoding == null ? "" : ", not " + encoding));
            }
            String hash = part.header("X-Experience-API-Hash");
            if (hash == null || hash.isEmpty()) {
                throw new InvalidStatementException(where + ": an attachment part needs an X-Experience-API-Hash "
                        + "header giving the sha2 of its attachment");
            }
            String sha2 = hash.toLowerCase(Locale.ROOT);
            String digest = DIGESTS.get(sha2.length());
            if (digest == null || !HEX.matcher(sha2).matches()) {
                throw new InvalidStatementException(where + ": X-Experience-API-Hash must be a hexadecimal SHA-2 "
                        + "hash, not " + hash);
            }
            if (!sha2.equals(hashOf(part.content(), digest))) {
                throw new InvalidStatementException(where + ": the content does not have the "
                        + digest + " hash " + sha2 + " its X-Experience-API-Hash header gives");
            }
            received.putIfAbsent(sha2, new ReceivedAttachment(sha2, contentType, part.content()));
        }
        return received;
    }

    private static void declare(JsonNode attachments, String path, Map<String, ReceivedAttachment> received,
            Set<String> declared) {
        if (attachments == null) {
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            String sha2 = attachment.path("sha2").asText().toLowerCase(Locale.ROOT);
            declared.add(sha2);
            if (!attachment.has("fileUrl") && !received.containsKey(sha2)) {
                throw new InvalidStatementException(path + "[" + i + "]: the attachment has no fileUrl, so its "
                        + "content must be sent in a multipart/mixed part with X-Experience-API-Hash " + sha2);
            }
        }
    }

    private void checkSignatures(JsonNode statement, String path, Map<String, ReceivedAttachment> received) {
        JsonNode attachments = statement.path("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            if (!StatementSignature.USAGE_TYPE.equals(attachment.path("usageType").asText())) {
                continue;
            }
            String where = path + ".attachments[" + i + "]";
            String contentType = attachment.path("contentType").asText();
            if (!StatementSignature.CONTENT_TYPE.equalsIgnoreCase(contentType.split(";")[0].trim())) {
                throw new InvalidStatementException(where + ".contentType: a signature attachment must have "
                        + "contentType " + StatementSignature.CONTENT_TYPE + ", not " + contentType);
            }
            ReceivedAttachment jws = received.get(attachment.path("sha2").asText().toLowerCase(Locale.ROOT));
            if (jws == null) {
                throw new InvalidStatementException(where + ": a signature attachment must be sent in the request, "
                        + "in a multipart/mixed part");
            }
            signatures.verify(statement, jws.content(), path);
        }
    }

    private static String hashOf(byte[] content, String digest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(digest).digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform provides the SHA-2 family
            throw new IllegalStateException(impossible);
        }
    }
}
