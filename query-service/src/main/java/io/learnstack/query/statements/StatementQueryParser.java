package io.learnstack.query.statements;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.xapi.AgentKeys;

/** Reads and checks the parameters of a statement list query. */
@Component
class StatementQueryParser {

    static final int MAX_LIMIT = 500;

    private static final Set<String> LIST_PARAMETERS = Set.of("agent", "verb", "activity", "registration",
            "related_activities", "related_agents", "since", "until", "limit", "format", "attachments",
            "ascending");

    private final ObjectMapper json;

    StatementQueryParser(ObjectMapper json) {
        this.json = json;
    }

    StatementQuery parse(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                throw new InvalidQueryException("unknown parameter '" + name + "'");
            }
        }
        String agentKey = null;
        if (parameters.containsKey("agent")) {
            try {
                agentKey = AgentKeys.of(json.readTree(parameters.get("agent")));
            } catch (JsonProcessingException | IllegalArgumentException invalid) {
                throw new InvalidQueryException("agent is not a valid Agent or identified Group: " + invalid.getMessage());
            }
        }
        Instant since = timestamp(parameters, "since");
        Instant until = timestamp(parameters, "until");
        return new StatementQuery(agentKey, iri(parameters, "verb"), iri(parameters, "activity"),
                uuid(parameters, "registration"), bool(parameters, "related_agents"),
                bool(parameters, "related_activities"), since, until, limit(parameters.get("limit")),
                bool(parameters, "ascending"), format(parameters.get("format")), bool(parameters, "attachments"));
    }

    private static String iri(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$")) {
            throw new InvalidQueryException(name + " must be an absolute IRI");
        }
        return value;
    }

    private static String uuid(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidQueryException(name + " must be a UUID");
        }
        if (value.length() != 36) {
            throw new InvalidQueryException(name + " must be a UUID");
        }
        return value.toLowerCase();
    }

    private static Instant timestamp(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException invalid) {
            throw new InvalidQueryException(name + " must be an ISO 8601 timestamp with a time zone");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 0) {
                throw new InvalidQueryException("limit must not be negative");
            }
            return limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException invalid) {
            throw new InvalidQueryException("limit must be a whole number");
        }
    }

    private static boolean bool(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidQueryException(name + " must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static String format(String value) {
        if (value == null) {
            return "exact";
        }
        if (!Set.of("ids", "exact", "canonical").contains(value)) {
            throw new InvalidQueryException("format must be ids, exact or canonical");
        }
        return value;
    }
}
