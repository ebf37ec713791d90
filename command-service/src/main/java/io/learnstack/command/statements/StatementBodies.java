package io.learnstack.command.statements;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.learnstack.command.attachments.MultipartMixed;
import io.learnstack.command.attachments.Part;
import io.learnstack.command.web.RequestTooLargeException;
import io.learnstack.command.xapi.InvalidStatementException;

/**
 * Reads the body of a statement request: {@code application/json}, or {@code multipart/mixed} whose first
 * part holds the statements and whose other parts hold attachment contents. Bodies above
 * {@code learnstack.statements.max-request-size} are refused before they are read whole; the Kafka
 * message limits are set to fit an attachment of that size.
 */
@Component
class StatementBodies {

    private final ObjectReader json;
    private final long maxRequestSize;

    StatementBodies(ObjectMapper json,
            @Value("${learnstack.statements.max-request-size:8MB}") DataSize maxRequestSize) {
        // Text after the statements is an error, not something to ignore: it may be a part without its boundary.
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxRequestSize = maxRequestSize.toBytes();
    }

    StatementBody read(HttpServletRequest request) {
        String contentType = request.getContentType();
        MediaType type = mediaType(contentType);
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return new StatementBody(parse(body(request)), List.of());
        }
        if (MediaType.MULTIPART_MIXED.equalsTypeAndSubtype(type)) {
            String boundary = unquote(type.getParameter("boundary"));
            if (boundary == null || boundary.isEmpty()) {
                throw new InvalidStatementException("a multipart/mixed Content-Type needs a boundary parameter");
            }
            List<Part> parts = MultipartMixed.parse(body(request), boundary);
            Part statements = parts.get(0);
            String partType = statements.header("Content-Type");
            if (partType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType(partType))) {
                throw new InvalidStatementException("the first part of a multipart/mixed request must hold the "
                        + "statements as application/json, not " + (partType == null ? "text without a Content-Type"
                        : partType));
            }
            return new StatementBody(parse(statements.content()), parts.subList(1, parts.size()));
        }
        throw new InvalidStatementException("statements must be sent as application/json, or as multipart/mixed "
                + "when attachments come with them, not " + contentType);
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new InvalidStatementException("the request needs a Content-Type: application/json, or "
                    + "multipart/mixed when attachments come with the statements");
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            throw new InvalidStatementException("the Content-Type " + contentType + " is malformed");
        }
    }

    private byte[] body(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestSize) {
            throw new RequestTooLargeException(maxRequestSize);
        }
        try (InputStream in = request.getInputStream()) {
            // A chunked body declares no length: read one byte past the limit to know it is too large.
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestSize + 1));
            if (body.length > maxRequestSize) {
                throw new RequestTooLargeException(maxRequestSize);
            }
            if (body.length == 0) {
                throw new InvalidStatementException("the request has no body");
            }
            return body;
        } catch (IOException unreadable) {
            throw new InvalidStatementException("the body could not be read");
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidStatementException("the request holds no statements");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw new InvalidStatementException("the statements are not valid JSON: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidStatementException("the body could not be read");
        }
    }

    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
