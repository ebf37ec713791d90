package io.learnstack.query.analytics;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Reads the projector's pathway analytics by {@code _id} only: a tenant's
 * {@value #BUCKET_COUNT} bucket documents for the tables, a learner's document for one pathway.
 */
@Component
class AnalyticsReader {

    static final String LEARNERS = "analytics_learners";
    static final String BUCKETS = "analytics_buckets";
    /** As many as the projector spreads a tenant's learners over. */
    static final int BUCKET_COUNT = 16;

    private final MongoCollection<Document> learners;
    private final MongoCollection<Document> buckets;

    AnalyticsReader(MongoDatabase readModels) {
        this.learners = readModels.getCollection(LEARNERS);
        this.buckets = readModels.getCollection(BUCKETS);
    }

    /** Every enrolled learner of the tenant, with their enrolments. */
    List<LearnerSteps> tenant(String tenant) {
        List<String> ids = new ArrayList<>();
        for (int bucket = 0; bucket < BUCKET_COUNT; bucket++) {
            ids.add(tenant + "|" + bucket);
        }
        List<LearnerSteps> all = new ArrayList<>();
        buckets.find(in("_id", ids)).forEach(bucket -> {
            Document entries = bucket.get("learners", Document.class);
            if (entries != null) {
                entries.values().forEach(entry -> {
                    Document learner = (Document) entry;
                    all.add(new LearnerSteps(learner.getString("learner"), steps(learner, "steps")));
                });
            }
        });
        // Bucket order depends on digests: sort so that pages and ties are stable.
        all.sort((a, b) -> a.learner().compareTo(b.learner()));
        return all;
    }

    /** One learner's enrolments, in the order they began. */
    Optional<LearnerSteps> learner(String tenant, String learnerKey) {
        Document learner = learners.find(eq("_id", tenant + "|" + learnerKey)).first();
        if (learner == null) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>(steps(learner, "enrolments"));
        steps.sort((a, b) -> a.enrolled().equals(b.enrolled()) ? a.enrolmentId().compareTo(b.enrolmentId())
                : a.enrolled().compareTo(b.enrolled()));
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
