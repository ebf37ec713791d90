package io.learnstack.projector.statements;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.learnstack.events.StatementRecorded;

/**
 * Files statements that target another statement (a StatementRef object, e.g. a voiding statement)
 * under every series their target is filed under, recursively: xAPI's filter conditions for
 * StatementRefs let such a statement match any filter its target matches, voided targets included,
 * while since, until and limit still apply to its own stored time.
 * <p>
 * A target may be projected before or after the statements that target it (they can be on other
 * partitions), so both orders are handled: a referrers document ({@code R|tenant|targetId}) lists the
 * entries of the statements targeting each statement, and a statement's {@code series} field holds
 * every series it is filed under. Whenever a statement's series can have grown, its referrers are given
 * the ones they lack, and then theirs. Sets only grow, so this ends, and a redelivery finds nothing
 * missing. Index entries are written before the {@code series} field that records them, so a crash in
 * between is repaired by the redelivery.
 */
final class Referrals {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> statements;
    private final MongoCollection<Document> index;
    private final KnownEntries known;

    Referrals(MongoCollection<Document> statements, MongoCollection<Document> index, KnownEntries known) {
        this.statements = statements;
        this.index = index;
        this.known = known;
    }

    /**
     * @param recorded statements already written with their own series
     * @param targets  the statement each of them targets, by statement id; absent when it targets none
     */
    void apply(List<StatementRecorded> recorded, Map<String, String> targets) {
        List<WriteModel<Document>> referrerWrites = new ArrayList<>();
        Set<Ref> changed = new LinkedHashSet<>();
        for (StatementRecorded event : recorded) {
            changed.add(new Ref(event.tenant(), event.statementId()));
            String target = targets.get(event.statementId());
            if (target != null) {
                referrerWrites.add(new UpdateOneModel<>(eq("_id", SeriesKeys.referrersDocument(event.tenant(), target)),
                        Updates.addToSet("referrers", SeriesKeys.entry(event.stored(), event.statementId())), UPSERT));
                changed.add(new Ref(event.tenant(), target));
            }
        }
        if (!referrerWrites.isEmpty()) {
            index.bulkWrite(referrerWrites, UNORDERED);
        }
        while (!changed.isEmpty()) {
            changed = passOn(changed);
        }
    }

    /** Gives the referrers of the given statements the series they lack; returns the referrers that changed. */
    private Set<Ref> passOn(Set<Ref> sources) {
        Map<Ref, List<String>> referrers = referrersOf(sources);
        if (referrers.isEmpty()) {
            return Set.of();
        }
        Set<Ref> involved = new LinkedHashSet<>(referrers.keySet());
        referrers.forEach((source, entries) -> entries.forEach(entry ->
                involved.add(new Ref(source.tenant(), SeriesKeys.statementIdOf(entry)))));
        Map<Ref, Set<String>> series = seriesOf(involved);

        IndexWrites indexWrites = new IndexWrites();
        Map<Ref, Set<String>> added = new HashMap<>();
        referrers.forEach((source, entries) -> {
            Set<String> sourceSeries = series.get(source);
            if (sourceSeries == null) {
                return; // the target is not projected yet: its own projection passes its series on
            }
            for (String entry : entries) {
                Ref referrer = new Ref(source.tenant(), SeriesKeys.statementIdOf(entry));
                Set<String> referrerSeries = series.get(referrer);
                if (referrerSeries == null) {
                    continue;
                }
                for (String missing : sourceSeries) {
                    if (referrerSeries.add(missing)) {
                        indexWrites.file(missing, SeriesKeys.storedOf(entry), referrer.statementId());
                        added.computeIfAbsent(referrer, r -> new LinkedHashSet<>()).add(missing);
                    }
                }
            }
        });
        if (added.isEmpty()) {
            return Set.of();
        }
        indexWrites.writeTo(index, known);
        List<WriteModel<Document>> seriesWrites = new ArrayList<>();
        added.forEach((referrer, newSeries) -> seriesWrites.add(new UpdateOneModel<>(
                eq("_id", StatementProjection.documentId(referrer.tenant(), referrer.statementId())),
                Updates.addEachToSet("series", new ArrayList<>(newSeries)))));
        statements.bulkWrite(seriesWrites, UNORDERED);
        return added.keySet();
    }

    private Map<Ref, List<String>> referrersOf(Set<Ref> sources) {
        Map<String, Ref> byDocumentId = new HashMap<>();
        sources.forEach(source -> byDocumentId.put(
                SeriesKeys.referrersDocument(source.tenant(), source.statementId()), source));
        Map<Ref, List<String>> referrers = new HashMap<>();
        index.find(in("_id", byDocumentId.keySet())).forEach(document -> referrers.put(
                byDocumentId.get(document.getString("_id")), document.getList("referrers", String.class)));
        return referrers;
    }

    private Map<Ref, Set<String>> seriesOf(Set<Ref> refs) {
        Map<String, Ref> byDocumentId = new HashMap<>();
        refs.forEach(ref -> byDocumentId.put(StatementProjection.documentId(ref.tenant(), ref.statementId()), ref));
        Map<Ref, Set<String>> series = new HashMap<>();
        statements.find(in("_id", byDocumentId.keySet())).projection(Projections.include("series")).forEach(document -> series.put(
                byDocumentId.get(document.getString("_id")),
                new LinkedHashSet<>(document.getList("series", String.class, List.of()))));
        return series;
    }

    private record Ref(String tenant, String statementId) {
    }
}
