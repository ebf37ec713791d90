package io.learnstack.projector.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.EnrolmentCompleted;
import io.learnstack.events.EnrolmentWithdrawn;
import io.learnstack.events.LearnerEnrolled;
import io.learnstack.events.LearnerReEnrolled;
import io.learnstack.events.LearningActivityRecorded;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;

class AnalyticsProjectionTest {

    private static final String TENANT = "demo";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String BO = "mbox:mailto:bo@example.org";
    private static final String FIRST_AID = "https://rto.example/courses/first-aid";
    private static final String CPR = "https://rto.example/courses/cpr";
    private static final String UNIT_1 = "https://rto.example/units/1";
    private static final String UNIT_2 = "https://rto.example/units/2";
    private static final Instant JAN = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T09:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant APR = Instant.parse("2026-04-10T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnalyticsProjection projection;
    private long offset;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new AnalyticsProjection(database, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLearnersEnrolmentsAreKeptInTheOrderTheyBeganWithTheirOutcomes() {
        // when
        projection.apply(envelopes(
                enrolled(ADA, "e2", CPR, MAR),
                enrolled(ADA, "e1", FIRST_AID, JAN),
                new EnrolmentCompleted(TENANT, "e1", ADA, FIRST_AID, true, null, FEB),
                new LearnerReEnrolled(TENANT, "e2", ADA, CPR, "e1", FIRST_AID, FEB, MAR)));

        // then
        List<Document> steps = steps(ADA);
        assertThat(steps).extracting(s -> s.getString("enrolmentId")).containsExactly("e1", "e2");
        assertThat(steps.get(0)).containsEntry("outcome", "completed").containsEntry("success", true)
                .containsEntry("ended", Date.from(FEB)).containsEntry("reEnrolledBy", "e2")
                .containsEntry("cohort", "2026-01");
        assertThat(steps.get(1)).containsEntry("previous", "e1").containsEntry("outcome", null);
        assertThat(learner(ADA).getList("enrolments", Document.class)).hasSize(2);
        Document versions = database.getCollection(AnalyticsProjection.VERSIONS).find(new Document("_id", TENANT)).first();
        assertThat(versions.get("buckets", Document.class))
                .containsOnlyKeys(String.valueOf(AnalyticsKeys.bucketNumber(ADA)));
    }

    @Test
    void aChangedBucketGetsANewVersionAndAnUnchangedOneKeepsItsOwn() {
        projection.apply(envelopes(enrolled(ADA, "e1", FIRST_AID, JAN), enrolled(BO, "e2", FIRST_AID, JAN)));
        Document before = database.getCollection(AnalyticsProjection.VERSIONS).find().first().get("buckets", Document.class);

        projection.apply(envelopes(withdrawn(ADA, "e1", FIRST_AID, FEB)));

        Document after = database.getCollection(AnalyticsProjection.VERSIONS).find().first().get("buckets", Document.class);
        String ada = String.valueOf(AnalyticsKeys.bucketNumber(ADA));
        assertThat(after.getString(ada)).isNotEqualTo(before.getString(ada));
        String bo = String.valueOf(AnalyticsKeys.bucketNumber(BO));
        if (!bo.equals(ada)) {
            assertThat(after.getString(bo)).isEqualTo(before.getString(bo));
        }
    }

    @Test
    void aWithdrawalRecordsTheLastActivityOfItsRegistrationBeforeIt() {
        // when
        projection.apply(envelopes(
                enrolled(ADA, "reg-1", FIRST_AID, JAN),
                activity(ADA, "s1", UNIT_1, "reg-1", FEB),
                assessment(ADA, "s2", UNIT_2, "reg-1", FEB.plusSeconds(60)),
                activity(ADA, "s3", UNIT_1, null, FEB.plusSeconds(120)),
                withdrawn(ADA, "reg-1", FIRST_AID, MAR),
                activity(ADA, "s4", UNIT_1, "reg-1", APR)));

        // then the assessment, not the later activity nor the one without registration
        assertThat(steps(ADA).get(0)).containsEntry("dropOff", UNIT_2).containsEntry("reason", "moved away");
    }

    @Test
    void withoutActivityInItsRegistrationTheLastActivityWhileEnrolledIsTheDropOff() {
        projection.apply(envelopes(
                activity(ADA, "s0", UNIT_2, null, JAN.minusSeconds(3600)),
                enrolled(ADA, "e1", FIRST_AID, JAN),
                activity(ADA, "s1", UNIT_1, null, FEB),
                withdrawn(ADA, "e1", FIRST_AID, MAR)));

        assertThat(steps(ADA).get(0)).containsEntry("dropOff", UNIT_1);
    }

    @Test
    void aVoidedActivityIsNoLongerTheDropOff() {
        projection.apply(envelopes(
                enrolled(ADA, "e1", FIRST_AID, JAN),
                activity(ADA, "s1", UNIT_1, "e1", FEB),
                activity(ADA, "s2", UNIT_2, "e1", FEB.plusSeconds(60)),
                withdrawn(ADA, "e1", FIRST_AID, MAR)));
        projection.apply(envelopes(new StatementVoided(TENANT, "s2", ADA, "v1", APR)));

        assertThat(steps(ADA).get(0)).containsEntry("dropOff", UNIT_1);
    }

    @Test
    void learnersWithoutEnrolmentsStayOutOfTheBuckets() {
        projection.apply(envelopes(activity(BO, "s1", UNIT_1, null, JAN)));

        assertThat(learner(BO)).isNotNull();
        assertThat(allEntries()).isEmpty();
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        // given
        List<Envelope> batch = envelopes(
                enrolled(ADA, "e1", FIRST_AID, JAN),
                new EnrolmentWithdrawn(TENANT, "e1", ADA, FIRST_AID, null, null, FEB),
                enrolled(ADA, "e2", CPR, MAR),
                new LearnerReEnrolled(TENANT, "e2", ADA, CPR, "e1", FIRST_AID, FEB, MAR));
        projection.apply(batch);
        Document learnerOnce = learner(ADA);
        Map<String, Object> bucketsOnce = allEntries();

        // when
        projection.apply(batch);
        projection.apply(batch.subList(1, 3));

        // then
        assertThat(learner(ADA)).isEqualTo(learnerOnce);
        assertThat(allEntries()).isEqualTo(bucketsOnce);
    }

    @Test
    void aRebuildGivesWhatLiveProjectionGave() {
        // given events applied live, in several batches
        List<Envelope> all = envelopes(
                enrolled(ADA, "e1", FIRST_AID, JAN),
                enrolled(BO, "e3", FIRST_AID, JAN),
                activity(ADA, "s1", UNIT_1, "e1", FEB),
                new EnrolmentCompleted(TENANT, "e1", ADA, FIRST_AID, null, null, FEB),
                withdrawn(BO, "e3", FIRST_AID, FEB),
                enrolled(ADA, "e2", CPR, MAR),
                new LearnerReEnrolled(TENANT, "e2", ADA, CPR, "e1", FIRST_AID, FEB, MAR));
        for (Envelope envelope : all) {
            projection.apply(List.of(envelope));
        }
        Map<String, Object> live = allEntries();
        Document adaLive = learner(ADA);

        // when rebuilt into empty collections in one batch
        projection.collections().forEach(name -> database.getCollection(name).drop());
        projection.apply(all);

        // then
        assertThat(allEntries()).isEqualTo(live);
        assertThat(learner(ADA)).isEqualTo(adaLive);
        assertThat(live).hasSize(2);
    }

    private List<Document> steps(String learnerKey) {
        Document bucket = database.getCollection(AnalyticsProjection.BUCKETS)
                .find(new Document("_id", AnalyticsKeys.bucket(TENANT, learnerKey))).first();
        assertThat(bucket).isNotNull();
        Document entry = bucket.get("learners", Document.class).get(AnalyticsKeys.learnerField(learnerKey), Document.class);
        assertThat(entry.getString("learner")).isEqualTo(learnerKey);
        return entry.getList("steps", Document.class);
    }

    private Document learner(String learnerKey) {
        return database.getCollection(AnalyticsProjection.LEARNERS)
                .find(new Document("_id", AnalyticsKeys.learner(TENANT, learnerKey))).first();
    }

    /** Every learner entry of every bucket, by bucket and field. */
    private Map<String, Object> allEntries() {
        Map<String, Object> entries = new TreeMap<>();
        database.getCollection(AnalyticsProjection.BUCKETS).find().forEach(bucket ->
                bucket.get("learners", Document.class).forEach((field, entry) ->
                        entries.put(bucket.getString("_id") + "/" + field, entry)));
        return entries;
    }

    private List<Envelope> envelopes(LearnstackEvent... events) {
        List<Envelope> envelopes = new ArrayList<>();
        for (LearnstackEvent event : events) {
            envelopes.add(new Envelope(event, "learnstack.events", 0, offset++));
        }
        return envelopes;
    }

    private static LearnerEnrolled enrolled(String learner, String id, String course, Instant at) {
        return new LearnerEnrolled(TENANT, id, learner, course, null, null, null, at);
    }

    private static EnrolmentWithdrawn withdrawn(String learner, String id, String course, Instant at) {
        return new EnrolmentWithdrawn(TENANT, id, learner, course, "moved away", null, at);
    }

    private static LearningActivityRecorded activity(String learner, String statementId, String activity,
            String registration, Instant at) {
        return new LearningActivityRecorded(TENANT, statementId, learner, activity,
                "http://adlnet.gov/expapi/verbs/experienced", registration, at);
    }

    private static AssessmentSubmitted assessment(String learner, String statementId, String activity,
            String registration, Instant at) {
        return new AssessmentSubmitted(TENANT, statementId, learner, activity, "http://adlnet.gov/expapi/verbs/failed",
                registration, 0.2, null, false, at);
    }
}
