package io.learnstack.projector.activities;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An activity definition put together from every statement that described the activity. Each part
 * keeps the statement that last gave it ({@code at}: stored time, then statement id, so it sorts in
 * stored order); a part is replaced only by a later statement's. So the result depends on which
 * statements were seen, never on the order they were applied in, and applying one again changes nothing.
 * <p>
 * Language maps ({@code name}, {@code description}) and {@code extensions} merge entry by entry: a
 * statement describing an activity in French adds to the English description instead of replacing it.
 * Every other part ({@code type}, {@code moreInfo}, the interaction parts) is taken whole from the latest
 * statement that has it. A part a later statement leaves out is kept.
 */
final class MergedDefinition {

    private static final Set<String> MERGED_BY_ENTRY = Set.of("name", "description", "extensions");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SortedMap<String, Part> wholeParts = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, Part>> entryParts = new TreeMap<>();

    private record Part(String at, JsonNode value) {
    }

    /** Nothing known yet. */
    MergedDefinition() {
    }

    /** Restores a merged definition from {@link #toVersions()}. */
    static MergedDefinition fromVersions(JsonNode versions) {
        MergedDefinition merged = new MergedDefinition();
        versions.fields().forEachRemaining(field -> {
            if (MERGED_BY_ENTRY.contains(field.getKey())) {
                SortedMap<String, Part> entries = merged.entryParts.computeIfAbsent(field.getKey(), k -> new TreeMap<>());
                field.getValue().fields().forEachRemaining(entry -> entries.put(entry.getKey(), part(entry.getValue())));
            } else {
                merged.wholeParts.put(field.getKey(), part(field.getValue()));
            }
        });
        return merged;
    }

    /**
     * Takes in what one statement says of the activity.
     *
     * @param definition the activity's definition in that statement
     * @param at         the statement's place in stored order
     * @return whether anything changed
     */
    boolean merge(JsonNode definition, String at) {
        boolean changed = false;
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) definition::fields) {
            if (MERGED_BY_ENTRY.contains(field.getKey())) {
                if (field.getValue().isObject()) {
                    SortedMap<String, Part> entries = entryParts.computeIfAbsent(field.getKey(), k -> new TreeMap<>());
                    for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) field.getValue()::fields) {
                        changed |= offer(entries, entry.getKey(), new Part(at, entry.getValue()));
                    }
                }
            } else {
                changed |= offer(wholeParts, field.getKey(), new Part(at, field.getValue()));
            }
        }
        return changed;
    }

    /** The definition as the Activities resource returns it; empty when no statement gave one. */
    ObjectNode definition() {
        ObjectNode definition = NODES.objectNode();
        SortedMap<String, JsonNode> fields = new TreeMap<>();
        wholeParts.forEach((name, part) -> fields.put(name, part.value()));
        entryParts.forEach((name, entries) -> {
            ObjectNode map = NODES.objectNode();
            entries.forEach((key, part) -> map.set(key, part.value()));
            fields.put(name, map);
        });
        fields.forEach(definition::set);
        return definition;
    }

    /** Every part with the statement it came from, for {@link #fromVersions(JsonNode)}. */
    ObjectNode toVersions() {
        ObjectNode versions = NODES.objectNode();
        wholeParts.forEach((name, part) -> versions.set(name, node(part)));
        entryParts.forEach((name, entries) -> {
            ObjectNode map = versions.putObject(name);
            entries.forEach((key, part) -> map.set(key, node(part)));
        });
        return versions;
    }

    private static boolean offer(SortedMap<String, Part> parts, String key, Part offered) {
        Part known = parts.get(key);
        if (known != null && known.at().compareTo(offered.at()) >= 0) {
            return false;
        }
        parts.put(key, offered);
        return true;
    }

    private static Part part(JsonNode node) {
        return new Part(node.path("at").asText(), node.get("value"));
    }

    private static ObjectNode node(Part part) {
        ObjectNode node = NODES.objectNode();
        node.put("at", part.at());
        node.set("value", part.value());
        return node;
    }
}
