package io.learnstack.query.xapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The query parameters of one request to an xAPI resource other than statements, read and checked the
 * way the specification types them. Anything wrong becomes an {@link InvalidParameterException} that
 * names the parameter.
 */
public final class XapiParameters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$");
    private static final Pattern SHA1_HEX = Pattern.compile("^[0-9A-Fa-f]{40}$");

    private final Map<String, String> values;

    private XapiParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param raw     the request's parameters
     * @param allowed the parameters the resource knows
     * @throws InvalidParameterException for an unknown or repeated parameter
     */
    public static XapiParameters of(MultiValueMap<String, String> raw, Set<String> allowed) {
        for (Map.Entry<String, List<String>> parameter : raw.entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw new InvalidParameterException("unknown parameter '" + parameter.getKey() + "'; this resource takes "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidParameterException("'" + parameter.getKey() + "' is given more than once");
            }
        }
        return new XapiParameters(raw.toSingleValueMap());
    }

    /** Whether the request names the parameter. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A parameter the request must name, as text that must not be empty. */
    public String requiredText(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new InvalidParameterException(name + " is required");
        }
        if (value.isEmpty()) {
            throw new InvalidParameterException(name + " must not be empty");
        }
        return value;
    }

    /** An optional parameter as text that must not be empty, or {@code null} when absent. */
    public String optionalText(String name) {
        return has(name) ? requiredText(name) : null;
    }

    /** A parameter the request must name, holding an absolute IRI. */
    public String requiredIri(String name) {
        String value = requiredText(name);
        if (!IRI.matcher(value).matches()) {
            throw new InvalidParameterException(name + " must be an absolute IRI");
        }
        return value;
    }

    /** An optional UUID, lower case as the LRS keeps it, or {@code null} when absent. */
    public String optionalUuid(String name) {
        String value = optionalText(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 36) {
                UUID.fromString(value);
                return value.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException invalid) {
            // answered below
        }
        throw new InvalidParameterException(name + " must be a UUID");
    }

    /** An optional ISO 8601 timestamp with a time zone, or {@code null} when absent. */
    public Instant optionalTimestamp(String name) {
        String value = optionalText(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException invalid) {
            throw new InvalidParameterException(name + " must be an ISO 8601 timestamp with a time zone");
        }
    }

    /**
     * A parameter the request must name, holding an Agent, or also an identified Group when
     * {@code groupAllowed}, as JSON.
     *
     * @return the agent as given
     */
    public JsonNode requiredAgent(String name, boolean groupAllowed) {
        String value = requiredText(name);
        JsonNode agent;
        try {
            agent = JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            throw new InvalidParameterException(name + " must be an Agent as JSON");
        }
        if (agent == null || !agent.isObject()) {
            throw new InvalidParameterException(name + " must be an Agent as a JSON object");
        }
        String objectType = agent.path("objectType").asText("Agent");
        if (!objectType.equals("Agent") && !(groupAllowed && objectType.equals("Group"))) {
            throw new InvalidParameterException(name + " must be an Agent" + (groupAllowed ? " or an identified Group" : ""));
        }
        try {
            AgentKeys.of(agent);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidParameterException(name + " is not a valid Agent: " + invalid.getMessage());
        }
        if (agent.hasNonNull("mbox") && !agent.get("mbox").asText().startsWith("mailto:")) {
            throw new InvalidParameterException(name + ": mbox must be a mailto IRI");
        }
        if (agent.hasNonNull("mbox_sha1sum") && !SHA1_HEX.matcher(agent.get("mbox_sha1sum").asText()).matches()) {
            throw new InvalidParameterException(name + ": mbox_sha1sum must be a SHA-1 hex digest");
        }
        if (agent.has("name") && !agent.get("name").isTextual()) {
            throw new InvalidParameterException(name + ": name must be a string");
        }
        return agent;
    }
}
