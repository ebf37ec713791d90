package io.learnstack.command.awards;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.xapi.Actors;

/** Reads the JSON bodies of the award resources, refusing what is missing or malformed. */
final class AwardRequests {

    private AwardRequests() {
    }

    static JsonNode object(ObjectMapper json, String body, boolean optional) {
        if (body == null || body.isBlank()) {
            if (optional) {
                return json.createObjectNode();
            }
            throw new InvalidAwardRequestException("the request needs a JSON object body");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidAwardRequestException("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException malformed) {
            throw new InvalidAwardRequestException("the body is not JSON: " + malformed.getOriginalMessage());
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidAwardRequestException("'" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }

    /** @return the instant, or {@code null} when the field is absent or null */
    static Instant instant(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException malformed) {
            throw new InvalidAwardRequestException("'" + field + "' must be an ISO-8601 instant such as "
                    + "2026-11-24T09:00:00Z, not '" + value.asText() + "'");
        }
    }

    /** The learner named by {@code learner} (a learner key) or {@code agent} (an xAPI Agent). */
    static String learner(JsonNode body) {
        boolean byKey = body.hasNonNull("learner");
        boolean byAgent = body.hasNonNull("agent");
        if (byKey == byAgent) {
            throw new InvalidAwardRequestException("name the learner by exactly one of 'learner' (a learner key) "
                    + "or 'agent' (an xAPI Agent)");
        }
        if (byKey) {
            return text(body, "learner");
        }
        try {
            return Actors.learnerKey(body.get("agent"));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidAwardRequestException("'agent': " + invalid.getMessage());
        }
    }

    static Map<String, Object> issued(Issuance issuance, PublicUrls urls) {
        return Map.of("awardId", issuance.awardId(), "url", urls.credential(issuance.awardId()));
    }
}
