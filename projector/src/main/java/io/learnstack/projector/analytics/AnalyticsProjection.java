package io.learnstack.projector.analytics;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.EnrolmentEvent;
import io.learnstack.events.LearnerEvent;
import io.learnstack.events.LearningActivityRecorded;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * The pathway analytics read model. {@value #LEARNERS} holds one document per learner (its enrolments,
 * recent activities and the last offset applied per partition, so a redelivered event is skipped); it
 * answers a learner's pathway. {@value #BUCKETS} holds, per tenant, {@link AnalyticsKeys#BUCKETS}
 * documents that carry every enrolled learner's ordered enrolments under a field of the learner's own:
 * the query service computes completion, re-enrolment, transition, pathway and drop-off tables from them.
 * {@value #VERSIONS} holds one document per tenant naming each bucket's current version, so the query
 * service reads again only the buckets that changed.
 * <p>
 * A learner's entry is set whole from the learner's state, so writing it again is harmless: buckets are
 * written before learners, and a crash between the two is repaired by the redelivery, which finds the
 * learner's document unchanged and sets the same entry again.
 */
@Component
class AnalyticsProjection implements Projection {

    static final String LEARNERS = "analytics_learners";
    static final String BUCKETS = "analytics_buckets";
    static final String VERSIONS = "analytics_versions";

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> learners;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> versions;
    private final Counter projected;

    AnalyticsProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.learners = readModels.getCollection(LEARNERS);
        this.buckets = readModels.getCollection(BUCKETS);
        this.versions = readModels.getCollection(VERSIONS);
        this.projected = meters.counter("learnstack.projection.analytics.applied");
    }

    @Override
    public Set<String> collections() {
        return Set.of(LEARNERS, BUCKETS, VERSIONS);
    }

    @Override
    public void apply(List<Envelope> batch) {
        Map<String, List<Envelope>> byLearner = new LinkedHashMap<>();
        for (Envelope envelope : batch) {
            if (concernsPathways(envelope.event())) {
                byLearner.computeIfAbsent(learnerIdOf(envelope.event()), id -> new ArrayList<>()).add(envelope);
            }
        }
        if (byLearner.isEmpty()) {
            return;
        }
        Map<String, Document> stored = new HashMap<>();
        learners.find(in("_id", new ArrayList<>(byLearner.keySet())))
                .forEach(document -> stored.put(document.getString("_id"), document));

        List<WriteModel<Document>> learnerWrites = new ArrayList<>();
        Map<String, List<Bson>> bucketUpdates = new LinkedHashMap<>();
        Map<String, Set<Integer>> changedBuckets = new LinkedHashMap<>();
        byLearner.forEach((learnerId, events) -> {
            LearnstackEvent first = events.get(0).event();
            String learnerKey = learnerKeyOf(first);
            Document before = stored.get(learnerId);
            LearnerPathway pathway = before == null ? LearnerPathway.empty(first.tenant(), learnerKey)
                    : LearnerPathway.from(before);
            Document contributionBefore = pathway.contribution();
            boolean changed = false;
            for (Envelope envelope : events) {
                String partition = partitionField(envelope);
                if (!pathway.hasApplied(partition, envelope.offset())) {
                    pathway.apply(envelope.event(), partition, envelope.offset());
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            learnerWrites.add(new ReplaceOneModel<>(eq("_id", learnerId), pathway.toDocument(), REPLACE_OR_INSERT));
            Document contribution = pathway.contribution();
            if (pathway.hasEnrolments() && !contribution.equals(contributionBefore)) {
                String bucket = AnalyticsKeys.bucket(first.tenant(), learnerKey);
                bucketUpdates.computeIfAbsent(bucket, id -> new ArrayList<>(List.of(
                        Updates.setOnInsert("tenant", first.tenant()))))
                        .add(Updates.set("learners." + AnalyticsKeys.learnerField(learnerKey), contribution));
                changedBuckets.computeIfAbsent(first.tenant(), tenant -> new java.util.TreeSet<>())
                        .add(AnalyticsKeys.bucketNumber(learnerKey));
            }
        });
        if (!bucketUpdates.isEmpty()) {
            List<WriteModel<Document>> bucketWrites = new ArrayList<>();
            bucketUpdates.forEach((bucket, updates) ->
                    bucketWrites.add(new UpdateOneModel<>(eq("_id", bucket), Updates.combine(updates), UPSERT)));
            buckets.bulkWrite(bucketWrites, UNORDERED);
            markChanged(changedBuckets);
        }
        if (!learnerWrites.isEmpty()) {
            learners.bulkWrite(learnerWrites, UNORDERED);
            projected.increment(learnerWrites.size());
        }
    }

    /**
     * Gives each changed bucket a new version, so readers that keep buckets in memory know which to read
     * again. A version is a fresh random token, not data: a rebuild gives new ones, and no reader mistakes
     * a rebuilt bucket for the one it holds.
     */
    private void markChanged(Map<String, Set<Integer>> changedBuckets) {
        String version = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>();
        changedBuckets.forEach((tenant, numbers) -> {
            List<Bson> updates = new ArrayList<>();
            numbers.forEach(number -> updates.add(Updates.set("buckets." + number, version)));
            writes.add(new UpdateOneModel<>(eq("_id", tenant), Updates.combine(updates), UPSERT));
        });
        versions.bulkWrite(writes, UNORDERED);
    }

    private static boolean concernsPathways(LearnstackEvent event) {
        return event instanceof EnrolmentEvent || event instanceof LearningActivityRecorded
                || event instanceof AssessmentSubmitted || event instanceof StatementVoided;
    }

    private static String learnerKeyOf(LearnstackEvent event) {
        return event instanceof EnrolmentEvent enrolment ? enrolment.learnerKey() : ((LearnerEvent) event).learnerKey();
    }

    private static String learnerIdOf(LearnstackEvent event) {
        return AnalyticsKeys.learner(event.tenant(), learnerKeyOf(event));
    }

    private static String partitionField(Envelope envelope) {
        return envelope.topic().replace('.', '_') + "-" + envelope.partition();
    }
}
