package io.learnstack.projector.statements;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The statement index writes of one step, gathered so each bucket, day and series document is written
 * once: entries by bucket, seconds by day, days by series. Every write is an {@code $addToSet} upsert,
 * so writing the same entries again changes nothing.
 */
final class IndexWrites {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final Map<String, Set<String>> bucketEntries = new LinkedHashMap<>();
    private final Map<String, Set<String>> daySeconds = new LinkedHashMap<>();
    private final Map<String, Set<String>> seriesDays = new LinkedHashMap<>();

    /** Files a statement under a series, in the bucket of the second it was stored. */
    void file(String series, Instant stored, String statementId) {
        String day = SeriesKeys.day(stored);
        String second = SeriesKeys.second(stored);
        add(bucketEntries, SeriesKeys.bucketDocument(series, day, second), SeriesKeys.entry(stored, statementId));
        add(daySeconds, SeriesKeys.dayDocument(series, day), second);
        add(seriesDays, SeriesKeys.seriesDocument(series), day);
    }

    /**
     * Writes the gathered entries in one unordered bulk write, leaving out day and series entries the
     * projector knows are there already.
     */
    void writeTo(MongoCollection<Document> index, KnownEntries known) {
        Map<String, Set<String>> newSeconds = unknown(daySeconds, known);
        Map<String, Set<String>> newDays = unknown(seriesDays, known);
        List<WriteModel<Document>> writes = new ArrayList<>();
        addToSets(writes, bucketEntries, "entries");
        addToSets(writes, newSeconds, "seconds");
        addToSets(writes, newDays, "days");
        if (!writes.isEmpty()) {
            index.bulkWrite(writes, UNORDERED);
        }
        remember(newSeconds, known);
        remember(newDays, known);
    }

    private static Map<String, Set<String>> unknown(Map<String, Set<String>> values, KnownEntries known) {
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        values.forEach((id, set) -> set.stream().filter(value -> !known.contains(id, value))
                .forEach(value -> add(unknown, id, value)));
        return unknown;
    }

    private static void remember(Map<String, Set<String>> written, KnownEntries known) {
        written.forEach((id, set) -> set.forEach(value -> known.add(id, value)));
    }

    private static void add(Map<String, Set<String>> map, String key, String value) {
        map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }

    private static void addToSets(List<WriteModel<Document>> writes, Map<String, Set<String>> values, String field) {
        values.forEach((id, set) -> writes.add(new UpdateOneModel<>(eq("_id", id),
                Updates.addEachToSet(field, new ArrayList<>(set)), UPSERT)));
    }
}
