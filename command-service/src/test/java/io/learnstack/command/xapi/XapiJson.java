package io.learnstack.command.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers for the xAPI tests: parsing text blocks and changing one value of a statement. */
final class XapiJson {

    /** Marks, in a table of changes, a property to remove rather than set. */
    static final String ABSENT = "<absent>";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private XapiJson() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test JSON does not parse: " + text, e);
        }
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /**
     * A copy of {@code base} with the value at a JSON pointer replaced by {@code valueJson}, or removed
     * when it is {@link #ABSENT}. Missing parent objects are created.
     */
    static ObjectNode with(JsonNode base, String pointer, String valueJson) {
        ObjectNode copy = (ObjectNode) base.deepCopy();
        String[] segments = pointer.substring(1).split("/");
        JsonNode parent = copy;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode next = parent.isArray() ? parent.get(Integer.parseInt(segments[i])) : parent.get(segments[i]);
            if (next == null) {
                next = ((ObjectNode) parent).putObject(segments[i]);
            }
            parent = next;
        }
        String last = segments[segments.length - 1];
        if (ABSENT.equals(valueJson)) {
            if (parent.isArray()) {
                ((ArrayNode) parent).remove(Integer.parseInt(last));
            } else {
                ((ObjectNode) parent).remove(last);
            }
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), json(valueJson));
        } else {
            ((ObjectNode) parent).set(last, json(valueJson));
        }
        return copy;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
