package io.learnstack.bench.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Every read model as stored, each document in a canonical form so that one written incrementally and one
 * written by a rebuild compare equal when they hold the same: keys sorted; arrays of plain values sorted,
 * since an {@code $addToSet} appends in the order batches happened to arrive, which a kill changes; and
 * without the write counter a document carries for optimistic updates ({@code version}), which counts
 * writes, and so batches, rather than what the document says. Cache tokens ({@value #CACHE_TOKENS}) are
 * random by design, a fresh one on every write, so only which entries carry one is compared.
 */
final class ReadModels {

    /** Where the projector keeps its consumer positions: not a read model, and rebuilt differently. */
    private static final Set<String> NOT_READ_MODELS = Set.of("projection_progress");

    private static final String WRITE_COUNTER = "version";

    private static final int READ_BATCH = 8;

    /** Per tenant, a random token per analytics bucket telling readers which buckets to read again. */
    private static final String CACHE_TOKENS = "analytics_versions";

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final String uri;
    private final ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    ReadModels(String uri) {
        this.uri = uri;
    }

    /** Each collection's documents, canonical and sorted. */
    Map<String, List<String>> snapshot() throws JsonProcessingException {
        Map<String, List<String>> models = new TreeMap<>();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase database = client.getDatabase("learnstack");
            for (String name : database.listCollectionNames()) {
                if (NOT_READ_MODELS.contains(name)) {
                    continue;
                }
                List<String> documents = new ArrayList<>();
                // A few documents per reply: the embedded server does not cut a reply at 16 MB as MongoDB does,
                // and attachments hold their content.
                for (Document document : database.getCollection(name).find().batchSize(READ_BATCH)) {
                    documents.add(canonical(name, document));
                }
                documents.sort(null);
                models.put(name, documents);
            }
        }
        return models;
    }

    /** A document of this collection in the form that compares equal when it says the same. */
    String canonical(String collection, Document document) throws JsonProcessingException {
        Object canonical = canonical(json.readValue(document.toJson(RELAXED), Object.class));
        if (CACHE_TOKENS.equals(collection)) {
            canonical = tokensErased(canonical);
        }
        ((Map<?, ?>) canonical).remove(WRITE_COUNTER);
        return json.writeValueAsString(canonical);
    }

    /** The document with every token replaced by the same mark, its keys kept. */
    private static Object tokensErased(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> erased = new TreeMap<>();
            map.forEach((key, each) -> erased.put((String) key, "_id".equals(key) ? each : tokensErased(each)));
            return erased;
        }
        return value instanceof String ? "token" : value;
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, each) -> sorted.put((String) key, canonical(each)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(each -> items.add(canonical(each)));
            if (items.stream().allMatch(item -> item instanceof String)) {
                items.sort((a, b) -> ((String) a).compareTo((String) b));
            } else if (items.stream().allMatch(item -> item instanceof Number)) {
                items.sort((a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()));
            }
            return items;
        }
        return value;
    }

    /** The first document of the first differing collection on each side, to say what differs. */
    static String example(Map<String, List<String>> before, Map<String, List<String>> after) {
        for (String name : new TreeSet<>(before.keySet())) {
            List<String> onlyLeft = new ArrayList<>(before.get(name));
            onlyLeft.removeAll(after.getOrDefault(name, List.of()));
            List<String> onlyRight = new ArrayList<>(after.getOrDefault(name, List.of()));
            onlyRight.removeAll(before.get(name));
            if (!onlyLeft.isEmpty() || !onlyRight.isEmpty()) {
                return name + ": before " + abbreviate(onlyLeft) + " / after " + abbreviate(onlyRight);
            }
        }
        return "";
    }

    private static String abbreviate(List<String> documents) {
        if (documents.isEmpty()) {
            return "(none)";
        }
        String first = documents.get(0);
        return first.length() <= 600 ? first : first.substring(0, 600) + "...";
    }

    /** Per collection that differs: how many documents only one side holds. */
    static Map<String, Integer> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        Map<String, Integer> differences = new TreeMap<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            List<String> left = before.getOrDefault(name, List.of());
            List<String> right = after.getOrDefault(name, List.of());
            if (!left.equals(right)) {
                List<String> onlyLeft = new ArrayList<>(left);
                onlyLeft.removeAll(right);
                List<String> onlyRight = new ArrayList<>(right);
                onlyRight.removeAll(left);
                differences.put(name, onlyLeft.size() + onlyRight.size());
            }
        }
        return differences;
    }
}
