package io.learnstack.projector.statements;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.StatementRecorded;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * The statement read model behind the xAPI statement resource: one document per statement, keyed by
 * tenant and statement id, plus the time-bucketed series of {@link SeriesKeys} for the list filters.
 * Every write is an upsert or a {@code $set} that a redelivery leaves unchanged. A voided statement is
 * marked, not removed: lists skip it, and it is still found as a voided statement.
 */
@Component
class StatementProjection implements Projection {

    static final String STATEMENTS = "statements";
    static final String INDEX = "statement_index";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> statements;
    private final MongoCollection<Document> index;
    private final Counter projected;

    StatementProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.statements = readModels.getCollection(STATEMENTS);
        this.index = readModels.getCollection(INDEX);
        this.projected = meters.counter("learnstack.projection.statements.applied");
        declareIndexes();
    }

    /**
     * Indexes for a real MongoDB, where ad-hoc analyst queries use them. The embedded server ignores
     * non-unique ones, which is why the hot queries only ever go through {@code _id}.
     */
    private void declareIndexes() {
        statements.createIndex(Indexes.compoundIndex(Indexes.ascending("tenant"), Indexes.descending("stored")),
                new IndexOptions().name("tenant_stored"));
        statements.createIndex(Indexes.compoundIndex(Indexes.ascending("tenant"), Indexes.ascending("learnerKey")),
                new IndexOptions().name("tenant_learner"));
    }

    @Override
    public void apply(List<Envelope> batch) {
        List<StatementRecorded> recorded = new ArrayList<>();
        List<StatementVoided> voided = new ArrayList<>();
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof StatementRecorded event) {
                recorded.add(event);
            } else if (envelope.event() instanceof StatementVoided event) {
                voided.add(event);
            }
        }
        // Recorded before voided: a statement and its voiding may arrive in one batch.
        if (!recorded.isEmpty()) {
            record(recorded);
        }
        if (!voided.isEmpty()) {
            markVoided(voided);
        }
    }

    private void record(List<StatementRecorded> recorded) {
        List<WriteModel<Document>> statementWrites = new ArrayList<>();
        Map<String, Set<String>> bucketEntries = new LinkedHashMap<>();
        Map<String, Set<String>> daySeconds = new LinkedHashMap<>();
        Map<String, Set<String>> seriesDays = new LinkedHashMap<>();
        for (StatementRecorded event : recorded) {
            statementWrites.add(new UpdateOneModel<>(eq("_id", documentId(event.tenant(), event.statementId())),
                    Updates.setOnInsert(toDocument(event)), UPSERT));
            String day = SeriesKeys.day(event.stored());
            String second = SeriesKeys.second(event.stored());
            String entry = SeriesKeys.entry(event.stored(), event.statementId());
            for (String series : seriesOf(event)) {
                add(bucketEntries, SeriesKeys.bucketDocument(series, day, second), entry);
                add(daySeconds, SeriesKeys.dayDocument(series, day), second);
                add(seriesDays, SeriesKeys.seriesDocument(series), day);
            }
        }
        // Statements first: a query that finds an index entry before its statement skips it, never fails.
        statements.bulkWrite(statementWrites, UNORDERED);
        List<WriteModel<Document>> indexWrites = new ArrayList<>();
        addToSets(indexWrites, bucketEntries, "entries");
        addToSets(indexWrites, daySeconds, "seconds");
        addToSets(indexWrites, seriesDays, "days");
        index.bulkWrite(indexWrites, UNORDERED);
        projected.increment(statementWrites.size());
    }

    /**
     * The voided statement's own StatementRecorded came first: both carry its learner key, so they share
     * a partition. A plain {@code $set} is enough, and never creates a half document.
     */
    private void markVoided(List<StatementVoided> voided) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (StatementVoided event : voided) {
            writes.add(new UpdateOneModel<>(eq("_id", documentId(event.tenant(), event.statementId())),
                    Updates.combine(Updates.set("voided", true), Updates.set("voidedBy", event.voidingStatementId()))));
        }
        statements.bulkWrite(writes, UNORDERED);
    }

    /** A statement document's id: tenant and statement id, the same pair the query service looks up. */
    static String documentId(String tenant, String statementId) {
        return tenant + "/" + statementId;
    }

    private static Document toDocument(StatementRecorded recorded) {
        return new Document("tenant", recorded.tenant())
                .append("statementId", recorded.statementId())
                .append("stored", Date.from(recorded.stored()))
                .append("timestamp", Date.from(recorded.timestamp()))
                .append("learnerKey", recorded.learnerKey())
                .append("agents", List.copyOf(agentsOf(recorded)))
                .append("verbId", recorded.verbId())
                .append("objectType", recorded.objectType())
                .append("objectId", recorded.objectId())
                .append("activityId", isActivity(recorded) ? recorded.objectId() : null)
                .append("registration", recorded.registration())
                .append("voided", false)
                .append("json", recorded.statement());
    }

    private static Set<String> seriesOf(StatementRecorded recorded) {
        String tenant = recorded.tenant();
        Set<String> series = new LinkedHashSet<>();
        series.add(SeriesKeys.series(tenant, SeriesKeys.ALL, "*"));
        series.add(SeriesKeys.series(tenant, SeriesKeys.VERB, recorded.verbId()));
        agentsOf(recorded).forEach(agent -> series.add(SeriesKeys.series(tenant, SeriesKeys.AGENT, agent)));
        if (isActivity(recorded)) {
            series.add(SeriesKeys.series(tenant, SeriesKeys.ACTIVITY, recorded.objectId()));
        }
        if (recorded.registration() != null) {
            series.add(SeriesKeys.series(tenant, SeriesKeys.REGISTRATION, recorded.registration()));
        }
        return series;
    }

    /** The agents a statement is "for" in the xAPI agent filter: its actor, and its object when that is an agent. */
    private static Set<String> agentsOf(StatementRecorded recorded) {
        Set<String> agents = new LinkedHashSet<>();
        agents.add(recorded.learnerKey());
        if (("Agent".equals(recorded.objectType()) || "Group".equals(recorded.objectType()))
                && recorded.objectId() != null) {
            agents.add(recorded.objectId());
        }
        return agents;
    }

    private static boolean isActivity(StatementRecorded recorded) {
        return "Activity".equals(recorded.objectType());
    }

    private static void add(Map<String, Set<String>> map, String key, String value) {
        map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }

    private static void addToSets(List<WriteModel<Document>> writes, Map<String, Set<String>> values, String field) {
        values.forEach((id, set) -> writes.add(new UpdateOneModel<>(eq("_id", id),
                Updates.addEachToSet(field, new ArrayList<>(set)), UPSERT)));
    }
}
