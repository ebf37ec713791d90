package io.learnstack.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Reads the projector's documents as the projector writes them (see the projector's AnalyticsProjection). */
class AnalyticsReaderTest {

    private static final Instant JAN = Instant.parse("2026-01-05T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnalyticsReader reader;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        reader = new AnalyticsReader(database);
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aTenantsLearnersComeFromItsBucketsOnly() {
        entry("demo", 3, "f1", "mbox:mailto:ada@example.org", step("e1", "https://rto.example/courses/a", "completed"));
        entry("demo", 15, "f2", "mbox:mailto:bo@example.org", step("e2", "https://rto.example/courses/b", null));
        entry("harbour-rto", 3, "f1", "mbox:mailto:ada@example.org", step("e9", "https://rto.example/courses/c", null));

        List<LearnerSteps> learners = reader.tenant("demo");

        assertThat(learners).extracting(LearnerSteps::learner)
                .containsExactly("mbox:mailto:ada@example.org", "mbox:mailto:bo@example.org");
        Step step = learners.get(0).steps().get(0);
        assertThat(step.enrolmentId()).isEqualTo("e1");
        assertThat(step.enrolled()).isEqualTo(JAN);
        assertThat(step.ended()).isEqualTo(JAN.plus(Duration.ofDays(20)));
        assertThat(step.completed()).isTrue();
        assertThat(reader.tenant("northside-rto")).isEmpty();
    }

    @Test
    void aBucketIsReadAgainOnlyWhenItsVersionMovesOn() {
        entry("demo", 3, "f1", "mbox:mailto:ada@example.org", step("e1", "https://rto.example/courses/a", null));
        assertThat(reader.tenant("demo")).singleElement().extracting(l -> l.steps().get(0).outcome()).isNull();

        // the same version: the bucket in memory stands
        database.getCollection(AnalyticsReader.BUCKETS).updateOne(new Document("_id", "demo|3"),
                Updates.set("learners.f1.steps.0.outcome", "withdrawn"));
        assertThat(reader.tenant("demo")).singleElement().extracting(l -> l.steps().get(0).outcome()).isNull();

        // a new version: read again
        version("demo", 3);
        assertThat(reader.tenant("demo")).singleElement().extracting(l -> l.steps().get(0).outcome())
                .isEqualTo("withdrawn");
    }

    @Test
    void aLearnersPathwayIsItsEnrolmentsInTheOrderTheyBegan() {
        Document later = step("e2", "https://rto.example/courses/b", null).append("enrolled", Date.from(JAN.plusSeconds(60)));
        database.getCollection(AnalyticsReader.LEARNERS).insertOne(new Document("_id", "demo|mbox:mailto:ada@example.org")
                .append("enrolments", List.of(later, step("e1", "https://rto.example/courses/a", "withdrawn"))));

        assertThat(reader.learner("demo", "mbox:mailto:ada@example.org")).get()
                .extracting(l -> l.steps().stream().map(Step::enrolmentId).toList())
                .isEqualTo(List.of("e1", "e2"));
        assertThat(reader.learner("demo", "mbox:mailto:bo@example.org")).isEmpty();
    }

    @Test
    void bucketsAreReadAgainOnlyWhenTheirVersionChanged() {
        // given 4000 learners over 64 buckets, read once
        for (int bucket = 0; bucket < 64; bucket++) {
            List<org.bson.conversions.Bson> updates = new ArrayList<>();
            for (int i = 0; i < 63; i++) {
                String learner = "mbox:mailto:learner" + bucket + "-" + i + "@example.org";
                updates.add(Updates.set("learners.f" + i, new Document("learner", learner).append("steps", List.of(
                        step("a" + bucket + "-" + i, "https://rto.example/courses/" + (i % 7), "completed"),
                        step("b" + bucket + "-" + i, "https://rto.example/courses/" + (i % 5), null)
                                .append("enrolled", Date.from(JAN.plus(Duration.ofDays(30))))))));
            }
            database.getCollection(AnalyticsReader.BUCKETS).updateOne(new Document("_id", "demo|" + bucket),
                    Updates.combine(updates), new UpdateOptions().upsert(true));
            version("demo", bucket);
        }
        assertThat(reader.tenant("demo")).hasSize(4032);

        // when a bucket gains a learner but its version is not bumped yet, the copy in memory still serves
        database.getCollection(AnalyticsReader.BUCKETS).updateOne(new Document("_id", "demo|7"),
                Updates.set("learners.late", new Document("learner", "mbox:mailto:late@example.org")
                        .append("steps", List.of(step("late", "https://rto.example/courses/1", null)))));
        assertThat(reader.tenant("demo")).hasSize(4032);

        // then once its version changes, that bucket is read again and the tables see the learner
        version("demo", 7);
        List<LearnerSteps> learners = reader.tenant("demo");
        assertThat(learners).hasSize(4033);
        assertThat(AnalyticsTables.transitions(learners, AnalyticsFilter.NONE)).isNotEmpty();
    }

    private void entry(String tenant, int bucket, String field, String learner, Document step) {
        database.getCollection(AnalyticsReader.BUCKETS).updateOne(new Document("_id", tenant + "|" + bucket),
                Updates.set("learners." + field, new Document("learner", learner).append("steps", List.of(step))),
                new UpdateOptions().upsert(true));
        version(tenant, bucket);
    }

    private void version(String tenant, int bucket) {
        database.getCollection(AnalyticsReader.VERSIONS).updateOne(new Document("_id", tenant),
                Updates.set("buckets." + bucket, java.util.UUID.randomUUID().toString()), new UpdateOptions().upsert(true));
    }

    private static Document step(String id, String course, String outcome) {
        return new Document("enrolmentId", id).append("course", course).append("offering", null)
                .append("cohort", "2026-01").append("enrolled", Date.from(JAN))
                .append("ended", outcome == null ? null : Date.from(JAN.plus(Duration.ofDays(20))))
                .append("outcome", outcome).append("success", null).append("previous", null)
                .append("reEnrolledBy", null).append("dropOff", null);
    }
}
