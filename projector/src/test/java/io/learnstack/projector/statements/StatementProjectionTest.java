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
