package io.learnstack.query.statements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code format} parameter of statement queries (xAPI 1.0.3 Communication 2.1.3, and 2.0.0): turns
 * a statement as stored into the form the client asked for.
 * <ul>
 * <li>{@code exact}: the stored statement unchanged.</li>
 * <li>{@code ids}: Agents and identified Groups reduced to their objectType and inverse functional
 * identifier, anonymous Groups to their objectType and members reduced likewise, Activities and Verbs
 * to their id; wherever these occur, SubStatements included.</li>
 * <li>{@code canonical}: every language map of Verbs, Activity definitions and attachments reduced to
 * the one entry that best fits the request's {@code Accept-Language}; Agents and Groups as received.
 * The canonical definition of an Activity is, for now, the one the statement itself carries.</li>
 * </ul>
 */
@Component
class StatementFormat {

    static final String EXACT = "exact";
    static final String IDS = "ids";
    static final String CANONICAL = "canonical";

    private static final List<String> INVERSE_FUNCTIONAL_IDENTIFIERS = List.of("mbox", "mbox_sha1sum", "openid",
            "account");
    private static final List<String> INTERACTION_COMPONENTS = List.of("choices", "scale", "source", "target",
            "steps");

    // Floats as BigDecimal, trailing zeroes kept: a reformatted statement must carry the numbers the
    // client sent (0.10 stays 0.10, no binary rounding of long decimals), only the asked-for parts change.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * What turns stored statement JSON into the answer of one request. For {@code exact} this is the
     * identity, so the stored text is passed on without being parsed.
     *
     * @param format         {@code exact}, {@code ids} or {@code canonical}
     * @param acceptLanguage the request's {@code Accept-Language} header, or {@code null}
     */
    UnaryOperator<String> of(String format, String acceptLanguage) {
        return switch (format) {
            case EXACT -> UnaryOperator.identity();
            case IDS -> statement -> rewrite(statement, StatementFormat::ids);
            case CANONICAL -> {
                // Parsed once per request, not once per statement of a page.
                AcceptLanguage languages = AcceptLanguage.parse(acceptLanguage);
                yield statement -> rewrite(statement, parsed -> canonical(parsed, languages));
            }
            default -> throw new IllegalArgumentException("format must be ids, exact or canonical: " + format);
        };
    }

    private String rewrite(String statement, Consumer<ObjectNode> change) {
        try {
            JsonNode parsed = json.readTree(statement);
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalStateException("a stored statement is not a JSON object");
            }
            change.accept(object);
            return json.writeValueAsString(object);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("a stored statement is not valid JSON", unreadable);
        }
    }

    // ---- ids ----

    /** Reduces a Statement or SubStatement in place. */
    private static void ids(ObjectNode statement) {
        replace(statement, "actor", StatementFormat::agentIds);
        replace(statement, "verb", StatementFormat::verbIds);
        replace(statement, "object", StatementFormat::objectIds);
        replace(statement, "authority", StatementFormat::agentIds);
        if (!(statement.get("context") instanceof ObjectNode context)) {
            return;
        }
        replace(context, "instructor", StatementFormat::agentIds);
        replace(context, "team", StatementFormat::agentIds);
        if (context.get("contextActivities") instanceof ObjectNode contextActivities) {
            List<String> kinds = new ArrayList<>();
            contextActivities.fieldNames().forEachRemaining(kinds::add);
            for (String kind : kinds) {
                contextActivities.set(kind, eachOf(contextActivities.get(kind), StatementFormat::activityIds));
            }
        }
        // xAPI 2.0: the agents and groups sit one level down, next to their relevantTypes.
        forEachObject(context.get("contextAgents"), entry -> replace(entry, "agent", StatementFormat::agentIds));
        forEachObject(context.get("contextGroups"), entry -> replace(entry, "group", StatementFormat::agentIds));
    }

    private static JsonNode objectIds(JsonNode object) {
        String objectType = object.path("objectType").asText("Activity");
        switch (objectType) {
            case "Agent", "Group" -> {
                return agentIds(object);
            }
            case "SubStatement" -> {
                if (object instanceof ObjectNode subStatement) {
                    ids(subStatement);
                }
                return object;
            }
            case "StatementRef" -> {
                return object;
            }
            default -> {
                return activityIds(object);
            }
        }
    }

    /** An Agent or Group: an identified one by its identifier alone, an anonymous Group by its members. */
    private static JsonNode agentIds(JsonNode agent) {
        if (!(agent instanceof ObjectNode full)) {
            return agent;
        }
        ObjectNode reduced = full.objectNode();
        copy(full, reduced, "objectType");
        boolean identified = false;
        for (String identifier : INVERSE_FUNCTIONAL_IDENTIFIERS) {
            identified |= copy(full, reduced, identifier);
        }
        if (identified) {
            return reduced;
        }
        if ("Group".equals(full.path("objectType").asText()) && full.get("member") instanceof ArrayNode members) {
            ArrayNode reducedMembers = reduced.putArray("member");
            members.forEach(member -> reducedMembers.add(agentIds(member)));
            return reduced;
        }
        // Nothing smaller would still identify it; validation keeps such agents out anyway.
        return agent;
    }

    /**
     * An Activity by its id alone: where an object without objectType is read, it is read as an Activity,
     * and the conformance suite counts an Activity's properties in this format.
     */
    private static JsonNode activityIds(JsonNode activity) {
        if (!(activity instanceof ObjectNode full) || !full.has("id")) {
            return activity;
        }
        ObjectNode reduced = full.objectNode();
        copy(full, reduced, "id");
        return reduced;
    }

    private static JsonNode verbIds(JsonNode verb) {
        if (!(verb instanceof ObjectNode full) || !full.has("id")) {
            return verb;
        }
        ObjectNode reduced = full.objectNode();
        copy(full, reduced, "id");
        return reduced;
    }

    // ---- canonical ----

    /** Filters the language maps of a Statement or SubStatement in place. */
    private static void canonical(ObjectNode statement, AcceptLanguage languages) {
        if (statement.get("verb") instanceof ObjectNode verb) {
            filter(verb, "display", languages);
        }
        if (statement.get("object") instanceof ObjectNode object) {
            switch (object.path("objectType").asText("Activity")) {
                case "Activity" -> activityLanguages(object, languages);
                case "SubStatement" -> canonical(object, languages);
                default -> {
                    // Agents and Groups are returned as received; a StatementRef has no language map.
                }
            }
        }
        if (statement.path("context").get("contextActivities") instanceof ObjectNode contextActivities) {
            for (JsonNode activities : contextActivities) {
                // xAPI lets a client send a single Activity here instead of an array; both are read.
                if (activities.isArray()) {
                    forEachObject(activities, activity -> activityLanguages(activity, languages));
                } else if (activities instanceof ObjectNode activity) {
                    activityLanguages(activity, languages);
                }
            }
        }
        forEachObject(statement.get("attachments"), attachment -> {
            filter(attachment, "display", languages);
            filter(attachment, "description", languages);
        });
    }

    private static void activityLanguages(ObjectNode activity, AcceptLanguage languages) {
        if (!(activity.get("definition") instanceof ObjectNode definition)) {
            return;
        }
        filter(definition, "name", languages);
        filter(definition, "description", languages);
        for (String components : INTERACTION_COMPONENTS) {
            forEachObject(definition.get(components), component -> filter(component, "description", languages));
        }
    }

    private static void filter(ObjectNode holder, String field, AcceptLanguage languages) {
        if (!(holder.get(field) instanceof ObjectNode map) || map.size() < 2) {
            return;
        }
        List<String> tags = new ArrayList<>();
        map.fieldNames().forEachRemaining(tags::add);
        String chosen = languages.choose(tags);
        map.retain(chosen);
    }

    // ---- helpers ----

    private static void replace(ObjectNode holder, String field, UnaryOperator<JsonNode> change) {
        JsonNode value = holder.get(field);
        if (value != null && !value.isNull()) {
            holder.set(field, change.apply(value));
        }
    }

    private static JsonNode eachOf(JsonNode arrayOrSingle, UnaryOperator<JsonNode> change) {
        if (!(arrayOrSingle instanceof ArrayNode array)) {
            return change.apply(arrayOrSingle);
        }
        for (int i = 0; i < array.size(); i++) {
            array.set(i, change.apply(array.get(i)));
        }
        return array;
    }

    private static void forEachObject(JsonNode array, Consumer<ObjectNode> action) {
        if (array instanceof ArrayNode elements) {
            for (JsonNode element : elements) {
                if (element instanceof ObjectNode object) {
                    action.accept(object);
                }
            }
        }
    }

    private static boolean copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        to.set(field, value);
        return true;
    }

    /**
     * The language ranges of an {@code Accept-Language} header, most preferred first. xAPI points to
     * RFC 2616 for matching: a range matches a tag equal to it or starting with it and a '-' ("en"
     * matches "en-US"). A range that matches no tag that way is then shortened as RFC 4647 lookup does
     * ("en-AU" finds "en") before the next, less preferred, range is tried.
     */
    static final class AcceptLanguage {

        private static final Pattern RANGE = Pattern.compile("\\*|[a-z]{1,8}(-[a-z0-9]{1,8})*");
        private static final Pattern QUALITY = Pattern.compile("q=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");

        private final List<String> ranges;

        private AcceptLanguage(List<String> ranges) {
            this.ranges = ranges;
        }

        /** Malformed elements of the header are skipped rather than failing the query. */
        static AcceptLanguage parse(String header) {
            if (header == null || header.isBlank()) {
                return new AcceptLanguage(List.of());
            }
            record Weighted(String range, double quality) {
            }
            List<Weighted> weighted = new ArrayList<>();
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String range = parts[0].trim().toLowerCase(Locale.ROOT);
                double quality = 1;
                boolean wellFormed = RANGE.matcher(range).matches();
                for (int i = 1; i < parts.length && wellFormed; i++) {
                    String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    wellFormed = QUALITY.matcher(parameter).matches();
                    if (wellFormed) {
                        quality = Double.parseDouble(parameter.substring(2));
                    }
                }
                // q=0 says "not acceptable", so such a range never selects an entry.
                if (wellFormed && quality > 0) {
                    weighted.add(new Weighted(range, quality));
                }
            }
            // A stable sort: ranges of equal quality keep the order the client gave them in.
            weighted.sort(Comparator.comparingDouble(Weighted::quality).reversed());
            return new AcceptLanguage(weighted.stream().map(Weighted::range).toList());
        }

        /**
         * The tag of a language map to keep. Without a preference that any tag meets, "und" (the
         * content has no particular language) if the map has it, else its first tag.
         *
         * @param tags the tags of a language map, in its order; not empty
         */
        String choose(List<String> tags) {
            for (String range : ranges) {
                if (range.equals("*")) {
                    break;
                }
                String match = rfc2616Match(range, tags);
                if (match == null) {
                    match = lookupMatch(range, tags);
                }
                if (match != null) {
                    return match;
                }
            }
            return tags.stream().filter(tag -> tag.equalsIgnoreCase("und")).findFirst().orElse(tags.get(0));
        }

        private static String rfc2616Match(String range, List<String> tags) {
            String prefix = range + "-";
            String byPrefix = null;
            for (String tag : tags) {
                String lower = tag.toLowerCase(Locale.ROOT);
                if (lower.equals(range)) {
                    return tag;
                }
                if (byPrefix == null && lower.startsWith(prefix)) {
                    byPrefix = tag;
                }
            }
            return byPrefix;
        }

        private static String lookupMatch(String range, List<String> tags) {
            String shortened = shorten(range);
            while (shortened != null) {
                for (String tag : tags) {
                    if (tag.equalsIgnoreCase(shortened)) {
                        return tag;
                    }
                }
                shortened = shorten(shortened);
            }
            return null;
        }

        /** Drops the last subtag, and a single-character subtag (an extension or private-use marker) it leaves. */
        private static String shorten(String range) {
            int cut = range.lastIndexOf('-');
            if (cut < 0) {
                return null;
            }
            String shorter = range.substring(0, cut);
            int previous = shorter.lastIndexOf('-');
            if (previous >= 0 && shorter.length() - previous == 2) {
                shorter = shorter.substring(0, previous);
            }
            return shorter;
        }
    }
}
