package io.learnstack.command.xapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a valid statement into the form the LRS stores and returns: the properties the LRS assigns
 * are filled in and the shapes the specification lets clients vary are made uniform.
 * <p>
 * Changes made, and nothing else:
 * <ul>
 *   <li>{@code id}: a new one from the supplier when absent, otherwise lowercased;</li>
 *   <li>{@code stored}: always the given instant, in UTC with millisecond precision
 *       ({@code 2026-11-24T09:15:02.123Z});</li>
 *   <li>{@code timestamp}: the stored value when absent; a client's timestamp is kept as sent;</li>
 *   <li>{@code authority}: always the given one, replacing whatever the client sent;</li>
 *   <li>{@code version}: {@link XapiVersion#statementVersion()} when absent;</li>
 *   <li>{@code contextActivities} values given as a single Activity become one-element arrays, in the
 *       statement's and in a SubStatement's context;</li>
 *   <li>an object without {@code objectType} (necessarily an Activity) gets {@code "objectType": "Activity"},
 *       for the statement's and a SubStatement's object.</li>
 * </ul>
 * The statement must have passed {@link StatementValidator} first; the input is never modified.
 * Instances hold no state and may be shared.
 */
public final class StatementNormaliser {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final List<String> CONTEXT_ACTIVITY_KINDS = List.of("parent", "grouping", "category", "other");

    /**
     * @param statement a statement that passed validation
     * @param authority the Agent (or OAuth Group) the LRS vouches the statement with
     * @param stored    when the LRS accepts the statement; sub-millisecond precision is truncated
     * @param version   the xAPI version of the request
     * @param ids       where the ids of statements sent without one come from
     * @return a normalised deep copy
     */
    public ObjectNode normalise(JsonNode statement, JsonNode authority, Instant stored, XapiVersion version,
            Supplier<UUID> ids) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(ids, "ids");
        if (!statement.isObject()) {
            throw new IllegalArgumentException("statement must be a JSON object; validate it first");
        }

        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        // The id goes first so that stored statements read naturally; the rest keeps the client's order.
        String id = statement.hasNonNull("id") ? statement.get("id").asText().toLowerCase(Locale.ROOT)
                : ids.get().toString();
        copy.put("id", id);
        for (Map.Entry<String, JsonNode> field : statement.properties()) {
            if (!field.getKey().equals("id")) {
                copy.set(field.getKey(), field.getValue().deepCopy());
            }
        }

        String storedText = STORED.format(stored);
        if (!copy.hasNonNull("timestamp")) {
            copy.put("timestamp", storedText);
        }
        copy.put("stored", storedText);
        copy.set("authority", authority.deepCopy());
        if (!copy.hasNonNull("version")) {
            copy.put("version", version.statementVersion());
        }

        normaliseBody(copy);
        JsonNode object = copy.get("object");
        if (object instanceof ObjectNode subStatement && "SubStatement".equals(object.path("objectType").asText())) {
            normaliseBody(subStatement);
        }
        return copy;
    }

    /** What a statement and a SubStatement share: the object's type and the context's Activities. */
    private static void normaliseBody(ObjectNode statement) {
        if (statement.get("object") instanceof ObjectNode object && !object.has("objectType")) {
            ObjectNode typed = JsonNodeFactory.instance.objectNode();
            typed.put("objectType", "Activity");
            typed.setAll(object);
            statement.set("object", typed);
        }
        if (statement.path("context").get("contextActivities") instanceof ObjectNode contextActivities) {
            List<String> kinds = new ArrayList<>();
            contextActivities.fieldNames().forEachRemaining(kinds::add);
            for (String kind : kinds) {
                JsonNode value = contextActivities.get(kind);
                if (CONTEXT_ACTIVITY_KINDS.contains(kind) && value.isObject()) {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    array.add(value);
                    contextActivities.set(kind, array);
                }
            }
        }
    }
}
