package io.learnstack.command.xapi;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A SHA-256 (hex) over the part of a statement that decides whether a re-sent statement with a known id
 * is "the same statement" (xAPI 1.0.3 Data 2.3.1, Statement Comparison Requirements): equal fingerprints
 * mean the LRS answers as if the statement were stored again, different ones mean a conflict.
 * <p>
 * <b>Call it on normalised statements</b> (the output of {@link StatementNormaliser}), for the new one
 * and the stored one alike; it is stable under normalisation, so a statement fingerprints the same as
 * sent and as normalised, but rules below that look at {@code stored} assume the LRS set it.
 * <p>
 * Left out or made uniform, because the specification lists them as exceptions to immutability or as
 * case-insensitive, so a difference in them could have been caused by the LRS:
 * <ul>
 *   <li>{@code id}, {@code stored}, {@code authority} and {@code version} (assigned by the LRS) are left
 *       out; statements are only ever compared under the same id, so leaving it out loses nothing and
 *       makes a statement sent without an id fingerprint the same as sent and as normalised;</li>
 *   <li>StatementRef ids and {@code registration} are compared without regard to case;</li>
 *   <li>timestamps are compared as instants at millisecond precision
 *       ({@code 2013-05-18T05:32:34.000Z}, {@code 2013-05-18T05:32:34Z} and
 *       {@code 2013-05-18T05:32:34+00:00} are equal); a statement {@code timestamp} equal to its
 *       {@code stored} is left out, since that is the one the LRS assigns when the client sends none, and
 *       it differs each time such a statement is re-sent;</li>
 *   <li>a Verb's {@code display} and an Activity's {@code definition} are left out (they describe the
 *       Verb and Activity, not the statement);</li>
 *   <li>Group members are compared as a set;</li>
 *   <li>an object without {@code objectType} is an Activity, an Agent without one is an Agent, and a
 *       single contextActivities Activity is an array of one;</li>
 *   <li>a duration's seconds are compared to 0.01 s precision, whatever the decimal sign or trailing zeros;</li>
 *   <li>mbox schemes and e-mail domains, mbox_sha1sum digests and language tags are compared without
 *       regard to case;</li>
 *   <li>object key order never matters and numbers compare by value ({@code 1} equals {@code 1.0});
 *       array order matters everywhere else.</li>
 * </ul>
 */
public final class StatementFingerprint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Pattern DURATION_SECONDS = Pattern.compile("(\\d+)[.,](\\d+)S$");

    private StatementFingerprint() {
    }

    /**
     * @param statement a normalised statement (see the class comment)
     * @return 64 lower-case hex characters
     */
    public static String of(JsonNode statement) {
        if (statement == null || !statement.isObject()) {
            throw new IllegalArgumentException("a statement must be a JSON object");
        }
        StringBuilder canonical = new StringBuilder(1024);
        write(statement(statement, true), canonical);
        return Actors.sha256Hex(canonical.toString());
    }

    // ---- canonical form ---------------------------------------------------------------------------

    private static JsonNode statement(JsonNode statement, boolean topLevel) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : statement.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "id", "stored", "authority", "version" -> {
                    // assigned by the LRS; statements are only ever compared under the same id anyway
                }
                case "timestamp" -> {
                    if (!(topLevel && assignedByLrs(value, statement.get("stored")))) {
                        out.set(name, timestamp(value));
                    }
                }
                case "actor" -> out.set(name, actor(value));
                case "verb" -> out.set(name, verb(value));
                case "object" -> out.set(name, object(value));
                case "result" -> out.set(name, result(value));
                case "context" -> out.set(name, context(value));
                default -> out.set(name, value);
            }
        }
        return out;
    }

    private static boolean assignedByLrs(JsonNode timestamp, JsonNode stored) {
        if (stored == null || !stored.isTextual() || !timestamp.isTextual()) {
            return false;
        }
        Instant storedAt = instant(stored.textValue());
        return storedAt != null && storedAt.equals(instant(timestamp.textValue()));
    }

    private static JsonNode actor(JsonNode actor) {
        if (!actor.isObject()) {
            return actor;
        }
        ObjectNode out = NODES.objectNode();
        out.put("objectType", "Agent");
        for (Map.Entry<String, JsonNode> field : actor.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "mbox" -> out.set(name, value.isTextual() ? NODES.textNode(mbox(value.textValue())) : value);
                case "mbox_sha1sum" -> out.set(name, lowerCase(value));
                case "member" -> out.set(name, members(value));
                default -> out.set(name, value);
            }
        }
        return out;
    }

    /** Members are an unordered list: sorted by their canonical text. */
    private static JsonNode members(JsonNode members) {
        if (!members.isArray()) {
            return members;
        }
        List<JsonNode> canonical = new ArrayList<>();
        members.forEach(member -> canonical.add(actor(member)));
        canonical.sort(Comparator.comparing(StatementFingerprint::text));
        ArrayNode out = NODES.arrayNode();
        canonical.forEach(out::add);
        return out;
    }

    private static String mbox(String mbox) {
        int colon = mbox.indexOf(':');
        int at = mbox.lastIndexOf('@');
        String scheme = colon < 0 ? "" : mbox.substring(0, colon + 1).toLowerCase(Locale.ROOT);
        if (at <= colon) {
            return scheme + mbox.substring(colon + 1);
        }
        return scheme + mbox.substring(colon + 1, at) + mbox.substring(at).toLowerCase(Locale.ROOT);
    }

    private static JsonNode verb(JsonNode verb) {
        if (!verb.isObject()) {
            return verb;
        }
        ObjectNode out = ((ObjectNode) verb).deepCopy();
        out.remove("display");
        return out;
    }

    private static JsonNode object(JsonNode object) {
        if (!object.isObject()) {
            return object;
        }
        String objectType = object.path("objectType").asText("Activity");
        return switch (objectType) {
            case "Activity" -> activity(object);
            case "Agent", "Group" -> actor(object);
            case "StatementRef" -> statementRef(object);
            case "SubStatement" -> statement(object, false);
            default -> object;
        };
    }

    private static JsonNode activity(JsonNode activity) {
        if (!activity.isObject()) {
            return activity;
        }
        ObjectNode out = ((ObjectNode) activity).deepCopy();
        out.put("objectType", "Activity");
        out.remove("definition");
        return out;
    }

    private static JsonNode statementRef(JsonNode ref) {
        if (!ref.isObject()) {
            return ref;
        }
        ObjectNode out = ((ObjectNode) ref).deepCopy();
        if (ref.has("id")) {
            out.set("id", lowerCase(ref.get("id")));
        }
        return out;
    }

    private static JsonNode result(JsonNode result) {
        if (!result.isObject() || !result.path("duration").isTextual()) {
            return result;
        }
        ObjectNode out = ((ObjectNode) result).deepCopy();
        out.put("duration", duration(result.get("duration").textValue()));
        return out;
    }

    /**
     * Seconds beyond hundredths are not part of the comparison (xAPI Data 4.6), and neither is the way
     * the fraction is written: PT1.50S, PT1,5S and PT1.5S are one duration. Everything else compares as
     * text, as the specification asks (PT90S and PT1M30S differ).
     */
    private static String duration(String duration) {
        Matcher seconds = DURATION_SECONDS.matcher(duration);
        if (!seconds.find()) {
            return duration;
        }
        String fraction = seconds.group(2);
        fraction = fraction.substring(0, Math.min(2, fraction.length())).replaceFirst("0+$", "");
        return duration.substring(0, seconds.start()) + seconds.group(1)
                + (fraction.isEmpty() ? "" : "." + fraction) + "S";
    }

    private static JsonNode context(JsonNode context) {
        if (!context.isObject()) {
            return context;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : context.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "registration", "language" -> out.set(name, lowerCase(value));
                case "instructor", "team" -> out.set(name, actor(value));
                case "statement" -> out.set(name, statementRef(value));
                case "contextActivities" -> out.set(name, contextActivities(value));
                case "contextAgents" -> out.set(name, contextActors(value, "agent"));
                case "contextGroups" -> out.set(name, contextActors(value, "group"));
                default -> out.set(name, value);
            }
        }
        return out;
    }

    private static JsonNode contextActivities(JsonNode contextActivities) {
        if (!contextActivities.isObject()) {
            return contextActivities;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : contextActivities.properties()) {
            JsonNode value = field.getValue();
            ArrayNode activities = NODES.arrayNode();
            if (value.isArray()) {
                value.forEach(activity -> activities.add(activity(activity)));
            } else {
                activities.add(activity(value));
            }
            out.set(field.getKey(), activities);
        }
        return out;
    }

    private static JsonNode contextActors(JsonNode list, String property) {
        if (!list.isArray()) {
            return list;
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode entry : list) {
            if (entry.isObject() && entry.has(property)) {
                ObjectNode copy = ((ObjectNode) entry).deepCopy();
                copy.set(property, actor(entry.get(property)));
                out.add(copy);
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    private static JsonNode timestamp(JsonNode timestamp) {
        if (!timestamp.isTextual()) {
            return timestamp;
        }
        Instant instant = instant(timestamp.textValue());
        return instant == null ? timestamp : NODES.textNode(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static Instant instant(String timestamp) {
        try {
            return XapiFormats.instantOf(timestamp);
        } catch (DateTimeParseException unparseable) {
            // only statements stored before validation tightened could get here; compare them as text
            return null;
        }
    }

    private static JsonNode lowerCase(JsonNode value) {
        return value.isTextual() ? NODES.textNode(value.textValue().toLowerCase(Locale.ROOT)) : value;
    }

    // ---- canonical serialisation ------------------------------------------------------------------

    private static String text(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** JSON with object keys sorted and numbers in one form, so equal content gives equal text. */
    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(field.getKey(), out);
                out.append(':');
                write(field.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            // binary or POJO nodes never come out of a JSON parser; their text is the best stable form
            string(node.asText(), out);
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
