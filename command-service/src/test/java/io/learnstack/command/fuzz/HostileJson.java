package io.learnstack.command.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile JSON for property tests: random trees over the xAPI vocabulary, values that are
 * nearly right (IRIs, mailboxes, UUIDs, times, durations, huge numbers, odd Unicode), and valid documents
 * with one part dropped, replaced or buried deep.
 */
public final class HostileJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> KEYS = List.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments", "objectType", "name", "mbox",
            "mbox_sha1sum", "openid", "account", "homePage", "member", "display", "definition", "description",
            "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices", "scale",
            "source", "target", "steps", "score", "scaled", "raw", "min", "max", "success", "completion",
            "response", "duration", "registration", "instructor", "team", "contextActivities", "parent",
            "grouping", "category", "other", "revision", "platform", "language", "statement", "contextAgents",
            "contextGroups", "agent", "group", "relevantTypes", "usageType", "contentType", "length", "sha2",
            "fileUrl", "en-US", "requirement", "all", "any", "atLeast", "of", "activity", "verbs", "minScore",
            "credential", "title", "validFor", "course", "learner", "reason", "");

    private static final List<String> TEXTS = List.of("", " ", "Agent", "Group", "Activity", "SubStatement",
            "StatementRef", "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/voided",
            "http://example.org/a", "https://w3id.org/xapi/cmi5/context/categories/cmi5", "mailto:a@example.org",
            "mailto:", "not an iri", "urn:x", "0b12d3e4-5f67-4890-a1b2-c3d4e5f60718",
            "00000000-0000-0000-0000-000000000000", "FD41C918-B88B-4B20-A0A5-A4C32391AAA0",
            "2013-05-18T05:32:34.804+01:00", "2013-05-18T05:32:34Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00", "2013-02-30T00:00:00Z",
            "2013-05-18T05:32:34-00:00", "2013-05-18T24:00:00Z", "PT1M30.5S", "P99999999999999999999Y", "PT", "P",
            "1.0.3", "2.0.0", "1.0.99999999999999999999", "en-US", "choice", "true-false", "sequencing",
            "\u0000", "\uD800", "\uFFFF", "\u202Eevil", "ǅ̈́", "💥", "%", "%zz", "%00", "&", "=", "a=b&c",
            "{\"objectType\":\"Agent\"}", "{", "[", "null", "sha2:", "1e99999", "-0", "NaN", "Infinity");

    private HostileJson() {
    }

    /** Text values: the vocabulary above, its neighbours, and any Unicode. */
    public static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(TEXTS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab%=&:/@.-+TZ0123456789").ofMaxLength(30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(TEXTS).map(String::toUpperCase)));
    }

    /** Leaf values of every JSON type, numbers from tiny to astronomical. */
    public static Arbitrary<JsonNode> leaves() {
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                        .map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("1e-400"),
                        new BigDecimal("0.0000000000000000000000001"), new BigDecimal("-1.5"),
                        new BigDecimal("1e2147483647")).map(NODES::numberNode));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, texts().map(text -> (JsonNode) NODES.textNode(text))),
                net.jqwik.api.Tuple.of(3, numbers),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false),
                        NODES.nullNode())));
    }

    /** Random trees of at most the given depth, keys mostly from the vocabulary. */
    public static Arbitrary<JsonNode> trees(int depth) {
        if (depth <= 0) {
            return leaves();
        }
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(KEYS)),
                net.jqwik.api.Tuple.of(1, texts()));
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> trees(depth - 1));
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, child).ofMaxSize(6).map(HostileJson::object);
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(4).map(HostileJson::array);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaves()),
                net.jqwik.api.Tuple.of(3, objects),
                net.jqwik.api.Tuple.of(1, arrays));
    }

    /** A document nested so deep that a recursive reader would run out of stack. */
    public static Arbitrary<JsonNode> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(200, 3000), Arbitraries.of(KEYS),
                Arbitraries.of(true, false)).as((levels, key, arrays) -> {
                    JsonNode node = NODES.textNode("bottom");
                    for (int i = 0; i < levels; i++) {
                        node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set(key, node);
                    }
                    return node;
                });
    }

    /** The given valid documents, each with a few random parts dropped, replaced or added. */
    public static Arbitrary<JsonNode> mutationsOf(String... validDocuments) {
        List<JsonNode> originals = new ArrayList<>();
        for (String document : validDocuments) {
            try {
                originals.add(JSON.readTree(document));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(MutationKind.values()), Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, leaves()),
                        net.jqwik.api.Tuple.of(1, trees(2))), Arbitraries.of(KEYS)).as(Mutation::new);
        Arbitrary<List<Mutation>> mutations = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, mutation.list().ofSize(1)),
                net.jqwik.api.Tuple.of(1, mutation.list().ofMinSize(2).ofMaxSize(4)));
        return Combinators.combine(Arbitraries.of(originals), mutations)
                .as((original, applied) -> {
                    JsonNode copy = original.deepCopy();
                    for (Mutation each : applied) {
                        copy = each.applyTo(copy);
                    }
                    return copy;
                });
    }

    /** Serialised JSON, or text that is nearly JSON: a document cut short or with bytes flipped. */
    public static Arbitrary<String> jsonTexts(Arbitrary<JsonNode> documents) {
        Arbitrary<String> whole = documents.map(HostileJson::write);
        Arbitrary<String> cut = Combinators.combine(whole, Arbitraries.doubles().between(0, 1))
                .as((text, fraction) -> text.substring(0, (int) (text.length() * fraction)));
        Arbitrary<String> trailing = Combinators.combine(whole, texts()).as(String::concat);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, whole), net.jqwik.api.Tuple.of(2, cut),
                net.jqwik.api.Tuple.of(1, trailing), net.jqwik.api.Tuple.of(1, Arbitraries.strings().all()
                        .ofMaxLength(60)));
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach(object::set);
        return object;
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private enum MutationKind { DROP, REPLACE, ADD, WRAP_IN_ARRAY }

    private record Mutation(int where, MutationKind kind, JsonNode value, String key) {

        JsonNode applyTo(JsonNode root) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                return value;
            }
            JsonNode target = containers.get(where % containers.size());
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() || kind == MutationKind.ADD ? key : names.get(where % names.size());
                switch (kind) {
                    case DROP -> object.remove(name);
                    case REPLACE, ADD -> object.set(name, value);
                    case WRAP_IN_ARRAY -> object.set(name, NODES.arrayNode().add(object.path(name).deepCopy()));
                }
            } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                int index = where % array.size();
                switch (kind) {
                    case DROP -> array.remove(index);
                    case REPLACE -> array.set(index, value);
                    case ADD -> array.add(value);
                    case WRAP_IN_ARRAY -> array.set(index, NODES.arrayNode().add(array.get(index).deepCopy()));
                }
            }
            return root;
        }

        private static void collect(JsonNode node, List<JsonNode> containers) {
            if (node.isContainerNode()) {
                containers.add(node);
                node.forEach(child -> collect(child, containers));
            }
        }
    }
}
