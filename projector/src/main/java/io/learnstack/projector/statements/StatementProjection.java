package io.learnstack.projector.statements;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
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
 * tenant and statement id, plus the time-bucketed series of {@link SeriesKeys} for the list filters
 * (what each filter can match is {@link FilterValues}; a statement targeting another is also filed
 * under its target's series, see {@link Referrals}).
 * Every write is an upsert or a {@code $set} that a redelivery leaves unchanged. A voided statement is
 * marked, not removed: lists skip it, and it is still found as a voided statement.
 */
@Component
class StatementProjection implements Projection {

    static final String STATEMENTS = "statements";
    static final String INDEX = "statement_index";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> statements;
    private final MongoCollection<Document> index;
    private final Referrals referrals;
    private final KnownEntries known = new KnownEntries();
    private final Counter projected;

    StatementProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.statements = readModels.getCollection(STATEMENTS);
        this.index = readModels.getCollection(INDEX);
        this.referrals = new Referrals(statements, index, known);
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
    public Set<String> collections() {
        return Set.of(STATEMENTS, INDEX);
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
        IndexWrites indexWrites = new IndexWrites();
        Map<String, String> targets = new HashMap<>();
        for (StatementRecorded event : recorded) {
            FilterValues values = FilterValues.of(event);
            Set<String> series = seriesOf(event, values);
            statementWrites.add(new InsertOneModel<>(toDocument(event, values, series)));
            series.forEach(each -> indexWrites.file(each, event.stored(), event.statementId()));
            if (values.targetId() != null) {
                targets.put(event.statementId(), values.targetId());
            }
        }
        // Statements first: a query that finds an index entry before its statement skips it, never fails.
        insertAbsent(statementWrites);
        indexWrites.writeTo(index, known);
        referrals.apply(recorded, targets);
        projected.increment(statementWrites.size());
    }

    /**
     * A statement's document never changes once written, so a redelivered one is simply not inserted
     * again. An insert costs the read-model server fewer index lookups than an upsert.
     */
    private void insertAbsent(List<WriteModel<Document>> inserts) {
        try {
            statements.bulkWrite(inserts, UNORDERED);
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteConcernError() == null && e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
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

    private static Document toDocument(StatementRecorded recorded, FilterValues values, Set<String> series) {
        return new Document("_id", documentId(recorded.tenant(), recorded.statementId()))
                .append("tenant", recorded.tenant())
                .append("statementId", recorded.statementId())
                .append("stored", Date.from(recorded.stored()))
                .append("timestamp", Date.from(recorded.timestamp()))
                .append("learnerKey", recorded.learnerKey())
                .append("agents", List.copyOf(values.agents()))
                .append("relatedAgents", List.copyOf(values.relatedAgents()))
                .append("verbId", recorded.verbId())
                .append("objectType", recorded.objectType())
                .append("objectId", recorded.objectId())
                .append("activityId", isActivity(recorded) ? recorded.objectId() : null)
                .append("relatedActivities", List.copyOf(values.relatedActivities()))
                .append("targetId", values.targetId())
                .append("registration", recorded.registration())
                .append("voided", false)
                .append("series", List.copyOf(series))
                .append("json", recorded.statement());
    }

    /** The series a statement's own content files it under; {@link Referrals} adds those of its target. */
    private static Set<String> seriesOf(StatementRecorded recorded, FilterValues values) {
        String tenant = recorded.tenant();
        Set<String> series = new LinkedHashSet<>();
        series.add(SeriesKeys.series(tenant, SeriesKeys.ALL, "*"));
        series.add(SeriesKeys.series(tenant, SeriesKeys.VERB, recorded.verbId()));
        values.agents().forEach(agent -> series.add(SeriesKeys.series(tenant, SeriesKeys.AGENT, agent)));
        values.relatedAgents().forEach(agent -> series.add(SeriesKeys.series(tenant, SeriesKeys.RELATED_AGENT, agent)));
        if (isActivity(recorded)) {
            series.add(SeriesKeys.series(tenant, SeriesKeys.ACTIVITY, recorded.objectId()));
        }
        values.relatedActivities().forEach(activity ->
                series.add(SeriesKeys.series(tenant, SeriesKeys.RELATED_ACTIVITY, activity)));
        if (recorded.registration() != null) {
            series.add(SeriesKeys.series(tenant, SeriesKeys.REGISTRATION, recorded.registration()));
        }
        return series;
    }

    private static boolean isActivity(StatementRecorded recorded) {
        return "Activity".equals(recorded.objectType());
    }
}
