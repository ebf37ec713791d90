package io.learnstack.projector.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.LearnerEvent;
import io.learnstack.events.StatementRecorded;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;

class StatementProjectionTest {

    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String UNIT = "https://rto.example/units/HLTAID011";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private StatementProjection projection;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new StatementProjection(database, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRecordedStatementIsStoredWholeUnderItsTenantAndId() {
        // given
        StatementRecorded recorded = statement("demo", "0b9f1b2e-0000-4000-8000-000000000001", ADA,
                Instant.parse("2026-11-24T09:00:01.250Z"));

        // when
        projection.apply(List.of(envelope(recorded, 0)));

        // then
        Document stored = database.getCollection("statements")
                .find(new Document("_id", "demo/0b9f1b2e-0000-4000-8000-000000000001")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("json")).isEqualTo(recorded.statement());
        assertThat(stored.getString("verbId")).isEqualTo(COMPLETED);
        assertThat(stored.getString("activityId")).isEqualTo(UNIT);
        assertThat(stored.getList("agents", String.class)).containsExactly(ADA);
    }

    @Test
    void aStatementIsFiledUnderEverySeriesItsFiltersCanName() {
        // given
        Instant stored = Instant.parse("2026-11-24T09:00:01.250Z");
        StatementRecorded recorded = statement("demo", "0b9f1b2e-0000-4000-8000-000000000002", ADA, stored);

        // when
        projection.apply(List.of(envelope(recorded, 0)));

        // then
        for (String series : List.of("demo|all|*", "demo|verb|" + COMPLETED, "demo|agent|" + ADA,
                "demo|activity|" + UNIT, "demo|registration|" + recorded.registration())) {
            assertThat(index("S|" + series).getList("days", String.class)).containsExactly("2026-11-24");
            assertThat(index("D|2026-11-24|" + series).getList("seconds", String.class)).containsExactly("09:00:01");
            assertThat(index("B|2026-11-24T09:00:01|" + series).getList("entries", String.class))
                    .containsExactly(SeriesKeys.entry(stored, recorded.statementId()));
        }
    }

    @Test
    void eventsOtherThanStatementsLeaveTheStatementModelAlone() {
        // when
        projection.apply(List.of(envelope(new CompletionRecorded("demo", "0b9f1b2e-0000-4000-8000-000000000003",
                ADA, UNIT, null, true, Instant.now()), 0)));

        // then
        assertThat(database.getCollection("statements").countDocuments()).isZero();
        assertThat(database.getCollection("statement_index").countDocuments()).isZero();
    }

    @Nested
    class Voiding {

        @Test
        void aVoidedStatementIsMarkedAndKeptWhole() {
            // given
            StatementRecorded target = statement("demo", "0b9f1b2e-0000-4000-8000-000000000010", ADA,
                    Instant.parse("2026-11-24T09:00:00Z"));

            // when: recorded and voided in one batch, and the batch delivered twice
            List<Envelope> batch = List.of(envelope(target, 0), envelope(new StatementVoided("demo",
                    target.statementId(), ADA, "0b9f1b2e-0000-4000-8000-000000000011",
                    Instant.parse("2026-11-24T09:05:00Z")), 1));
            projection.apply(batch);
            projection.apply(batch);

            // then
            Document stored = database.getCollection("statements").find(new Document("_id", "demo/" + target.statementId()))
                    .first();
            assertThat(stored.getBoolean("voided")).isTrue();
            assertThat(stored.getString("voidedBy")).isEqualTo("0b9f1b2e-0000-4000-8000-000000000011");
            assertThat(stored.getString("json")).isEqualTo(target.statement());
        }

        @Test
        void aRedeliveredStatementRecordedDoesNotUnvoidIt() {
            StatementRecorded target = statement("demo", "0b9f1b2e-0000-4000-8000-000000000012", ADA,
                    Instant.parse("2026-11-24T09:00:00Z"));
            projection.apply(List.of(envelope(target, 0), envelope(new StatementVoided("demo", target.statementId(),
                    ADA, "0b9f1b2e-0000-4000-8000-000000000013", Instant.parse("2026-11-24T09:05:00Z")), 1)));

            projection.apply(List.of(envelope(target, 0)));

            assertThat(database.getCollection("statements").find(new Document("_id", "demo/" + target.statementId()))
                    .first().getBoolean("voided")).isTrue();
        }
    }

    @Nested
    class Redelivery {

        @Test
        void applyingTheSameBatchAgainChangesNothing() {
            // given
            List<Envelope> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(envelope(statement(i % 2 == 0 ? "demo" : "other", String.format(
                        "0b9f1b2e-0000-4000-8000-%012d", i), i % 3 == 0 ? ADA : "mbox:mailto:grace@example.org",
                        Instant.parse("2026-11-24T09:00:00Z").plusMillis(i * 150L)), i));
            }
            projection.apply(batch);
            List<Document> statementsBefore = all("statements");
            List<Document> indexBefore = all("statement_index");

            // when
            projection.apply(batch);
            projection.apply(batch.subList(10, 20));

            // then
            assertThat(all("statements")).isEqualTo(statementsBefore).hasSize(50);
            assertThat(all("statement_index")).isEqualTo(indexBefore);
        }
    }

    @Nested
    class BroadFilters {

        private static final String RECORDED = "2026-11-24T09:00:01.250Z";

        @Test
        void theRelatedSeriesHoldEveryAgentAndActivityTheBroadFiltersCanMatch() {
            // given: a group actor, a SubStatement object, context agents and activities, an OAuth authority
            String json = """
                    {"id":"0b9f1b2e-0000-4000-8000-000000000020",
                     "actor":{"objectType":"Group","mbox":"mailto:crew@example.org",
                              "member":[{"mbox":"mailto:ada@example.org"},{"account":{"homePage":"https://lms.example","name":"7"}}]},
                     "verb":{"id":"%s"},
                     "object":{"objectType":"SubStatement",
                               "actor":{"openid":"https://id.example/grace"},
                               "verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},
                               "object":{"id":"https://rto.example/sessions/1"},
                               "context":{"instructor":{"mbox_sha1sum":"ABC123"},
                                          "contextActivities":{"parent":[{"id":"https://rto.example/units/sub-parent"}]}}},
                     "authority":{"objectType":"Group","member":[{"account":{"homePage":"https://lrs.example","name":"app"}},
                                                                 {"mbox":"mailto:admin@example.org"}]},
                     "context":{"instructor":{"mbox":"mailto:teacher@example.org"},
                                "team":{"objectType":"Group","member":[{"mbox":"mailto:mate@example.org"}]},
                                "contextActivities":{"parent":[{"id":"https://rto.example/units/parent"}],
                                                     "grouping":[{"id":"https://rto.example/units/grouping"}],
                                                     "category":{"id":"https://rto.example/units/category"},
                                                     "other":[{"id":"https://rto.example/units/other"}]}}}
                    """.formatted(COMPLETED);
            StatementRecorded recorded = new StatementRecorded("demo", "0b9f1b2e-0000-4000-8000-000000000020",
                    "mbox:mailto:crew@example.org", COMPLETED, "SubStatement", null, null,
                    Instant.parse(RECORDED), Instant.parse(RECORDED), json);

            // when
            projection.apply(List.of(envelope(recorded, 0)));

            // then
            assertThat(seriesOf(recorded)).contains(
                    "demo|agent|mbox:mailto:crew@example.org", "demo|agent|mbox:mailto:ada@example.org",
                    "demo|agent|account:https://lms.example|7",
                    "demo|related-agent|mbox:mailto:crew@example.org", "demo|related-agent|mbox:mailto:ada@example.org",
                    "demo|related-agent|openid:https://id.example/grace", "demo|related-agent|mbox_sha1sum:abc123",
                    "demo|related-agent|account:https://lrs.example|app",
                    "demo|related-agent|mbox:mailto:admin@example.org",
                    "demo|related-agent|mbox:mailto:teacher@example.org",
                    "demo|related-agent|mbox:mailto:mate@example.org",
                    "demo|related-activity|https://rto.example/sessions/1",
                    "demo|related-activity|https://rto.example/units/sub-parent",
                    "demo|related-activity|https://rto.example/units/parent",
                    "demo|related-activity|https://rto.example/units/grouping",
                    "demo|related-activity|https://rto.example/units/category",
                    "demo|related-activity|https://rto.example/units/other");
            // The plain filters keep their narrow meaning: no SubStatement, context or authority agents.
            assertThat(seriesOf(recorded)).doesNotContain("demo|agent|openid:https://id.example/grace",
                    "demo|agent|mbox:mailto:teacher@example.org", "demo|agent|mbox:mailto:admin@example.org",
                    "demo|activity|https://rto.example/sessions/1");
            for (String series : seriesOf(recorded)) {
                assertThat(index("B|2026-11-24T09:00:01|" + series).getList("entries", String.class))
                        .containsExactly(SeriesKeys.entry(recorded.stored(), recorded.statementId()));
            }
        }
    }

    @Nested
    class StatementRefs {

        private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
        private final StatementRecorded target = statement("demo", "0b9f1b2e-0000-4000-8000-000000000030", ADA,
                Instant.parse("2026-11-24T09:00:00Z"));
        private final StatementRecorded voiding = reference("0b9f1b2e-0000-4000-8000-000000000031",
                target.statementId(), VOIDED, Instant.parse("2026-11-25T10:00:00Z"));
        private final StatementRecorded confirming = reference("0b9f1b2e-0000-4000-8000-000000000032",
                voiding.statementId(), "http://example.org/verbs/confirmed", Instant.parse("2026-11-25T10:00:02Z"));

        @Test
        void aStatementTargetingAnotherIsFiledUnderItsTargetsSeriesAtItsOwnStoredTime() {
            // when: the target first, the referring statement in a later batch
            projection.apply(List.of(envelope(target, 0)));
            projection.apply(List.of(envelope(voiding, 1)));

            // then
            assertFiledUnderTheTargetsSeries(voiding);
            assertThat(seriesOf(voiding)).contains("demo|verb|" + VOIDED, "demo|agent|mbox:mailto:bob@example.org");
        }

        @Test
        void theTargetMayArriveAfterTheStatementsThatTargetItEvenThroughAChain() {
            // when: a statement targeting a statement targeting the target, projected in reverse order
            projection.apply(List.of(envelope(confirming, 0)));
            projection.apply(List.of(envelope(voiding, 1)));
            projection.apply(List.of(envelope(target, 2)));

            // then
            assertFiledUnderTheTargetsSeries(voiding);
            assertFiledUnderTheTargetsSeries(confirming);
            assertThat(seriesOf(confirming)).contains("demo|verb|" + VOIDED);
        }

        @Test
        void aVoidedTargetStillPassesItsSeriesOnAndRedeliveryChangesNothing() {
            // given: target, voiding statement and voiding event in one batch, then a chained reference
            List<Envelope> first = List.of(envelope(target, 0), envelope(voiding, 1), envelope(new StatementVoided("demo",
                    target.statementId(), ADA, voiding.statementId(), voiding.stored()), 2));
            List<Envelope> second = List.of(envelope(confirming, 3));
            projection.apply(first);
            projection.apply(second);
            List<Document> statementsBefore = all("statements");
            List<Document> indexBefore = all("statement_index");

            // when
            projection.apply(second);
            projection.apply(first);
            projection.apply(second);

            // then
            assertThat(all("statements")).isEqualTo(statementsBefore);
            assertThat(all("statement_index")).isEqualTo(indexBefore);
            assertThat(document(target).getBoolean("voided")).isTrue();
            assertThat(document(voiding).getBoolean("voided")).isFalse();
            assertFiledUnderTheTargetsSeries(voiding);
            assertFiledUnderTheTargetsSeries(confirming);
        }

        @Test
        void aStatementOfAnotherTenantIsNeverFiledUnderTheTargetsSeries() {
            StatementRecorded elsewhere = new StatementRecorded("other", "0b9f1b2e-0000-4000-8000-000000000033",
                    "mbox:mailto:bob@example.org", VOIDED, "StatementRef", target.statementId(), null,
                    voiding.stored(), voiding.stored(), "{}");

            projection.apply(List.of(envelope(target, 0), envelope(elsewhere, 1)));

            assertThat(seriesOf(elsewhere)).noneMatch(series -> series.startsWith("demo|"))
                    .doesNotContain("other|verb|" + COMPLETED);
        }

        private void assertFiledUnderTheTargetsSeries(StatementRecorded referrer) {
            String day = SeriesKeys.day(referrer.stored());
            String second = SeriesKeys.second(referrer.stored());
            for (String series : List.of("demo|verb|" + COMPLETED, "demo|agent|" + ADA, "demo|activity|" + UNIT,
                    "demo|related-activity|" + UNIT, "demo|registration|" + target.registration())) {
                assertThat(seriesOf(referrer)).contains(series);
                assertThat(index("S|" + series).getList("days", String.class)).contains(day);
                assertThat(index("D|" + day + "|" + series).getList("seconds", String.class)).contains(second);
                assertThat(index("B|" + day + "T" + second + "|" + series).getList("entries", String.class))
                        .containsExactly(SeriesKeys.entry(referrer.stored(), referrer.statementId()));
            }
        }

        private static StatementRecorded reference(String id, String targetId, String verb, Instant stored) {
            String json = "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:bob@example.org\"},"
                    + "\"verb\":{\"id\":\"" + verb + "\"},"
                    + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + targetId + "\"}}";
            return new StatementRecorded("demo", id, "mbox:mailto:bob@example.org", verb, "StatementRef", targetId,
                    null, stored, stored, json);
        }
    }

    private Document document(StatementRecorded recorded) {
        return database.getCollection("statements")
                .find(new Document("_id", recorded.tenant() + "/" + recorded.statementId())).first();
    }

    private List<String> seriesOf(StatementRecorded recorded) {
        Document document = document(recorded);
        assertThat(document).as(recorded.statementId()).isNotNull();
        return document.getList("series", String.class);
    }

    private Document index(String id) {
        Document document = database.getCollection("statement_index").find(new Document("_id", id)).first();
        assertThat(document).as(id).isNotNull();
        return document;
    }

    private List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static StatementRecorded statement(String tenant, String id, String learner, Instant stored) {
        String json = "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"" + learner.substring(5) + "\"},"
                + "\"verb\":{\"id\":\"" + COMPLETED + "\"},\"object\":{\"id\":\"" + UNIT + "\"},"
                + "\"stored\":\"" + stored + "\"}";
        return new StatementRecorded(tenant, id, learner, COMPLETED, "Activity", UNIT,
                "6fbd600f-d17c-4c74-801a-2ec2e53231c7", stored.minusSeconds(5), stored, json);
    }

    private static Envelope envelope(LearnerEvent event, long offset) {
        return new Envelope(event, "learnstack.events", 0, offset);
    }
}
