package io.learnstack.command.documents;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.command.xapi.InvalidStatementException;

/** The JSON side of documents: which ones are JSON, and reading them as JSON objects for merges. */
final class DocumentContent {

    /** The content type of a merged document: the LRS writes it as UTF-8 JSON. */
    static final String JSON_TYPE = "application/json";

    /** The content type of a document sent without one. */
    static final String DEFAULT_TYPE = "application/octet-stream";

    private static final ObjectMapper JSON = new ObjectMapper();
    // "{...}{" is not a JSON object: a reader that stops after the first value would take it for one
    private static final ObjectReader STRICT = JSON.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DocumentContent() {
    }

    /** Whether a Content-Type is {@code application/json}, with or without parameters such as a charset. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals(JSON_TYPE);
    }

    /**
     * Reads a document as a JSON object.
     *
     * @param what names the document in the message, e.g. "the posted document"
     * @throws InvalidStatementException when the content is not one JSON object
     */
    static ObjectNode object(byte[] content, String what) {
        JsonNode node;
        try {
            node = content.length == 0 ? null : STRICT.readValue(content);
        } catch (JsonProcessingException malformed) {
            String problem = malformed.getOriginalMessage();
            throw new InvalidStatementException(what + " is not valid JSON: " + (problem.startsWith("Trailing token")
                    ? "more follows the first JSON value" : firstLine(problem)));
        } catch (IOException unreadable) {
            throw new InvalidStatementException(what + " could not be read");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidStatementException(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(ObjectNode object) {
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
