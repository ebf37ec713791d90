package io.learnstack.query.analytics;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Reads the projector's pathway analytics by {@code _id} only. A tenant's tables come from its bucket
 * documents, which together hold every enrolled learner's pathway: they are kept in memory with the
 * version the projector gave them, and each read first fetches the tenant's small version document and
 * then only the buckets whose version moved on. A learner's own pathway is one read of its document.
 */
@Component
class AnalyticsReader {

    static final String LEARNERS = "analytics_learners";
    static final String BUCKETS = "analytics_buckets";
    static final String VERSIONS = "analytics_versions";

    private final MongoCollection<Document> learners;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> versions;
    private final Map<String, Bucket> cached = new ConcurrentHashMap<>();

    private record Bucket(String version, List<LearnerSteps> learners) {
    }

    AnalyticsReader(MongoDatabase readModels) {
        this.learners = readModels.getCollection(LEARNERS);
        this.buckets = readModels.getCollection(BUCKETS);
        this.versions = readModels.getCollection(VERSIONS);
    }

    /** Every enrolled learner of the tenant, with their enrolments, ordered by learner key. */
    List<LearnerSteps> tenant(String tenant) {
        Document tenantVersions = versions.find(eq("_id", tenant)).first();
        if (tenantVersions == null) {
            return List.of();
        }
        Map<String, String> current = new HashMap<>();
        tenantVersions.get("buckets", Document.class).forEach((number, version) ->
                current.put(tenant + "|" + number, (String) version));
        List<String> stale = current.entrySet().stream()
                .filter(bucket -> !isCached(bucket.getKey(), bucket.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!stale.isEmpty()) {
            // A bucket read here may be newer than the version read before it: the next read then
            // fetches it again, which costs a read and is never stale.
            buckets.find(in("_id", stale)).forEach(bucket -> cached.put(bucket.getString("_id"),
                    new Bucket(current.get(bucket.getString("_id")), learnersOf(bucket))));
        }
        List<LearnerSteps> all = new ArrayList<>();
        current.keySet().forEach(id -> {
            Bucket bucket = cached.get(id);
            if (bucket != null) {
                all.addAll(bucket.learners());
            }
        });
        all.sort(Comparator.comparing(LearnerSteps::learner));
        return all;
    }

    private boolean isCached(String bucketId, String version) {
        Bucket bucket = cached.get(bucketId);
        return bucket != null && bucket.version().equals(version);
    }

    private static List<LearnerSteps> learnersOf(Document bucket) {
        List<LearnerSteps> all = new ArrayList<>();
        Document entries = bucket.get("learners", Document.class);
        if (entries != null) {
            entries.values().forEach(entry -> {
                Document learner = (Document) entry;
                all.add(new LearnerSteps(learner.getString("learner"), steps(learner, "steps")));
            });
        }
        return List.copyOf(all);
    }

    /** One learner's enrolments, in the order they began. */
    Optional<LearnerSteps> learner(String tenant, String learnerKey) {
        Document learner = learners.find(eq("_id", tenant + "|" + learnerKey)).first();
        if (learner == null) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>(steps(learner, "enrolments"));
        steps.sort(Comparator.comparing(Step::enrolled).thenComparing(Step::enrolmentId));
        return Optional.of(new LearnerSteps(learnerKey, steps));
    }

    private static List<Step> steps(Document holder, String field) {
        List<Step> steps = new ArrayList<>();
        for (Document step : holder.getList(field, Document.class, List.of())) {
            steps.add(new Step(step.getString("enrolmentId"), step.getString("course"), step.getString("offering"),
                    step.getString("cohort"), instant(step.getDate("enrolled")), instant(step.getDate("ended")),
                    step.getString("outcome"), step.getBoolean("success"), step.getString("previous"),
                    step.getString("reEnrolledBy"), step.getString("dropOff")));
        }
        return steps;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
