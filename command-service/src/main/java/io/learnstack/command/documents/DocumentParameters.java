package io.learnstack.command.documents;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.learnstack.command.xapi.Actors;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.StatementValidator;
import io.learnstack.command.xapi.XapiFormats;
import io.learnstack.command.xapi.XapiVersion;
import io.learnstack.events.DocumentKind;

/**
 * The query parameters of a document write, checked and turned into the scope and the document they
 * name. The query string is read as sent rather than through the servlet's parameters, because those
 * would also take a form-encoded document body for parameters.
 */
final class DocumentParameters {

    private static final StatementValidator VALIDATOR = new StatementValidator();
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    /**
     * A write's target.
     *
     * @param scope      the documents' scope
     * @param documentId the stateId or profileId, or {@code null} for a DELETE of every state in the scope
     */
    record Target(DocumentScope scope, String documentId) {
    }

    private DocumentParameters() {
    }

    /**
     * @param method      PUT, POST or DELETE
     * @param queryString the request's query string as sent, possibly {@code null}
     * @throws InvalidStatementException when a parameter is missing, unknown, repeated or malformed
     */
    static Target parse(DocumentKind kind, String method, String queryString, String tenant, XapiVersion version) {
        Map<String, String> parameters = decode(queryString);
        String idName = kind == DocumentKind.STATE ? "stateId" : "profileId";
        Set<String> allowed = switch (kind) {
            case STATE -> Set.of("activityId", "agent", "registration", "stateId");
            case ACTIVITY_PROFILE -> Set.of("activityId", "profileId");
            case AGENT_PROFILE -> Set.of("agent", "profileId");
        };
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidStatementException("unknown parameter '" + name + "': a " + method + " to "
                        + resourceOf(kind) + " takes only " + String.join(", ", allowed.stream().sorted().toList())
                        + " (names are case-sensitive)");
            }
        }
        String activityId = kind == DocumentKind.AGENT_PROFILE ? null : activityId(required(parameters, "activityId"));
        String agentKey = kind == DocumentKind.ACTIVITY_PROFILE ? null
                : agentKey(required(parameters, "agent"), version);
        String registration = registration(parameters.get("registration"));
        boolean deletesScope = kind == DocumentKind.STATE && method.equals("DELETE");
        String documentId = deletesScope ? optional(parameters, idName) : required(parameters, idName);
        return new Target(new DocumentScope(tenant, kind, activityId, agentKey, registration), documentId);
    }

    private static Map<String, String> decode(String queryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return parameters;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : urlDecode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw new InvalidStatementException("parameter '" + name + "' is given more than once");
            }
        }
        return parameters;
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidStatementException("the query string is not properly URL-encoded near '"
                    + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'");
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = optional(parameters, name);
        if (value == null) {
            throw new InvalidStatementException("parameter '" + name + "' is required");
        }
        return value;
    }

    private static String optional(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value != null && value.isEmpty()) {
            throw new InvalidStatementException("parameter '" + name + "' must not be empty");
        }
        return value;
    }

    private static String activityId(String value) {
        if (!XapiFormats.isAbsoluteIri(value)) {
            throw new InvalidStatementException("activityId must be an absolute IRI, not '" + abbreviated(value) + "'");
        }
        return value;
    }

    private static String agentKey(String value, XapiVersion version) {
        JsonNode agent;
        try {
            agent = JSON.readValue(value);
        } catch (IOException malformed) {
            throw new InvalidStatementException("agent must be an Agent as JSON, and '" + abbreviated(value)
                    + "' is not valid JSON");
        }
        VALIDATOR.validateActor(agent, version, "agent");
        if (IFIS.stream().noneMatch(agent::has)) {
            throw new InvalidStatementException(
                    "agent: an anonymous Group cannot own documents; use an Agent or an identified Group");
        }
        return Actors.learnerKey(agent);
    }

    private static String registration(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || !XapiFormats.isUuid(value)) {
            throw new InvalidStatementException("registration must be a UUID, not '" + abbreviated(value) + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String resourceOf(DocumentKind kind) {
        return switch (kind) {
            case STATE -> "/activities/state";
            case ACTIVITY_PROFILE -> "/activities/profile";
            case AGENT_PROFILE -> "/agents/profile";
        };
    }

    private static String abbreviated(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}
