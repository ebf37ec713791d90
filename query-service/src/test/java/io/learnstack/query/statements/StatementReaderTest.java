package io.learnstack.query.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Reads a read model laid out as the projector writes it: statements by tenant and id, and the
 * time-bucketed series index.
 */
class StatementReaderTest {

    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String GRACE = "mbox:mailto:grace@example.org";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final Instant START = Instant.parse("2026-11-23T23:59:58Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private StatementReader reader;
    private final StatementQueryParser parser = new StatementQueryParser(new ObjectMapper());

    @BeforeEach
    void seed() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        reader = new StatementReader(database);
        // 30 statements 700 ms apart, across midnight; Ada and Grace take turns, every third one passes.
        for (int i = 0; i < 30; i++) {
            file("demo", i, i % 2 == 0 ? ADA : GRACE, i % 3 == 0 ? PASSED : COMPLETED, START.plusMillis(700L * i));
        }
        file("other", 99, ADA, PASSED, START.plusMillis(100));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aListIsNewestFirstAndScopedToTheTenant() {
        List<String> ids = ids(reader.list("demo", parser.parse(Map.of()), null));

        assertThat(ids).hasSize(30).first().isEqualTo(id(29));
        assertThat(ids).last().isEqualTo(id(0));
        assertThat(ids).doesNotContain(id(99));
    }

    @Test
    void filtersCombineAndAscendingReversesTheOrder() {
        List<String> ids = ids(reader.list("demo", parser.parse(Map.of(
                "agent", "{\"mbox\":\"mailto:ada@example.org\"}", "verb", PASSED, "ascending", "true")), null));

        // Ada has the even ones, passing the multiples of three: 0, 6, 12, 18, 24.
        assertThat(ids).containsExactly(id(0), id(6), id(12), id(18), id(24));
    }

    @Test
    void sinceIsExclusiveAndUntilInclusive() {
        List<String> ids = ids(reader.list("demo", parser.parse(Map.of(
                "since", START.plusMillis(700L * 10).toString(),
                "until", START.plusMillis(700L * 13).toString())), null));

        assertThat(ids).containsExactly(id(13), id(12), id(11));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsAndTheLastHasNoMore() {
        StatementQuery query = parser.parse(Map.of("limit", "7"));
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            StatementReader.Page page = reader.list("demo", query, after);
            seen.addAll(ids(page));
            after = page.lastEntry();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(30).doesNotHaveDuplicates().first().isEqualTo(id(29));
    }

    @Test
    void aSingleStatementIsFoundByIdInItsOwnTenantOnly() {
        assertThat(reader.find("demo", id(3))).isPresent();
        assertThat(reader.find("demo", id(99))).isEmpty();
        assertThat(reader.find("other", id(99))).isPresent();
    }

    @Test
    void aVoidedStatementLeavesListsAndIsFoundOnlyAsVoided() {
        database.getCollection("statements").updateOne(new Document("_id", "demo/" + id(7)),
                Updates.set("voided", true));

        assertThat(ids(reader.list("demo", parser.parse(Map.of()), null))).hasSize(29).doesNotContain(id(7));
        assertThat(reader.find("demo", id(7))).isEmpty();
        assertThat(reader.findVoided("demo", id(7))).isPresent();
        assertThat(reader.findVoided("demo", id(8))).isEmpty();
    }

    @Nested
    class BroadFilters {

        private static final String TEACHER = "mbox:mailto:teacher@example.org";
        private static final String CATEGORY = "https://rto.example/categories/first-aid";

        @BeforeEach
        void seedAStatementWithContext() {
            // Ada completed unit 40 with a teacher as instructor and a category among its context activities.
            fileInto("acme", new Document("statementId", id(40)).append("agents", List.of(ADA))
                    .append("relatedAgents", List.of(ADA, TEACHER)).append("verbId", COMPLETED)
                    .append("activityId", "https://rto.example/units/40")
                    .append("relatedActivities", List.of("https://rto.example/units/40", CATEGORY)),
                    START, "agent|" + ADA, "related-agent|" + ADA, "related-agent|" + TEACHER,
                    "activity|https://rto.example/units/40", "related-activity|https://rto.example/units/40",
                    "related-activity|" + CATEGORY);
        }

        @Test
        void relatedAgentsWidensTheAgentFilterToEveryAgentOfTheStatement() {
            String teacher = "{\"mbox\":\"mailto:teacher@example.org\"}";

            assertThat(ids(reader.list("acme", parser.parse(Map.of("agent", teacher)), null))).isEmpty();
            assertThat(ids(reader.list("acme", parser.parse(Map.of("agent", teacher, "related_agents", "true")), null)))
                    .containsExactly(id(40));
            assertThat(ids(reader.list("acme", parser.parse(Map.of(
                    "agent", "{\"mbox\":\"mailto:ada@example.org\"}", "related_agents", "true")), null)))
                    .containsExactly(id(40));
        }

        @Test
        void relatedActivitiesWidensTheActivityFilterToContextActivities() {
            assertThat(ids(reader.list("acme", parser.parse(Map.of("activity", CATEGORY)), null))).isEmpty();
            assertThat(ids(reader.list("acme", parser.parse(Map.of("activity", CATEGORY, "related_activities", "true")),
                    null))).containsExactly(id(40));
            assertThat(ids(reader.list("acme", parser.parse(Map.of("activity", CATEGORY, "related_activities", "true",
                    "verb", PASSED)), null))).isEmpty();
        }
    }

    @Nested
    class StatementRefs {

        private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
        private static final String BOB = "mbox:mailto:bob@example.org";

        @BeforeEach
        void seedAVoidedStatementAndStatementsTargetingIt() {
            // 50: Ada passed, later voided by 51; 52 targets 50; 53 targets 52. Each is filed under the series
            // of what it targets, as the projector files them.
            fileInto("acme", new Document("statementId", id(50)).append("agents", List.of(ADA)).append("verbId", PASSED)
                    .append("voided", true), START, "agent|" + ADA, "verb|" + PASSED);
            fileInto("acme", new Document("statementId", id(51)).append("agents", List.of(BOB)).append("verbId", VOIDED)
                    .append("targetId", id(50)), START.plusSeconds(10),
                    "agent|" + BOB, "verb|" + VOIDED, "agent|" + ADA, "verb|" + PASSED);
            fileInto("acme", new Document("statementId", id(52)).append("agents", List.of(BOB)).append("verbId", PASSED)
                    .append("targetId", id(50)), START.plusSeconds(20), "agent|" + BOB, "verb|" + PASSED, "agent|" + ADA);
            fileInto("acme", new Document("statementId", id(53)).append("agents", List.of(GRACE))
                    .append("verbId", COMPLETED).append("targetId", id(52)), START.plusSeconds(30),
                    "agent|" + GRACE, "verb|" + COMPLETED, "agent|" + BOB, "verb|" + PASSED, "agent|" + ADA);
        }

        @Test
        void statementsTargetingAMatchingStatementMatchButAVoidedOneIsNotReturned() {
            List<String> ids = ids(reader.list("acme", parser.parse(Map.of("verb", PASSED)), null));

            assertThat(ids).containsExactly(id(53), id(52), id(51));
        }

        @Test
        void sinceUntilAndLimitApplyToTheTargetingStatementsOwnStoredTime() {
            assertThat(ids(reader.list("acme", parser.parse(Map.of("verb", PASSED,
                    "since", START.plusSeconds(5).toString(), "until", START.plusSeconds(20).toString())), null)))
                    .containsExactly(id(52), id(51));
            assertThat(ids(reader.list("acme", parser.parse(Map.of("verb", PASSED, "limit", "1")), null)))
                    .containsExactly(id(53));
        }

        @Test
        void theFiltersMustAllHoldOnOneStatementOfTheChain() {
            // 53 is Grace's and its chain reaches passing statements, but none of them is both Grace's and passed.
            assertThat(ids(reader.list("acme", parser.parse(Map.of(
                    "agent", "{\"mbox\":\"mailto:grace@example.org\"}", "verb", PASSED)), null))).isEmpty();
            assertThat(ids(reader.list("acme", parser.parse(Map.of(
                    "agent", "{\"mbox\":\"mailto:ada@example.org\"}", "verb", PASSED)), null)))
                    .containsExactly(id(53), id(52), id(51));
        }
    }

    /** Files a statement document under the given series (without tenant), as the projector would. */
    private void fileInto(String tenant, Document statement, Instant stored, String... series) {
        String statementId = statement.getString("statementId");
        Document document = new Document("_id", tenant + "/" + statementId).append("tenant", tenant)
                .append("stored", Date.from(stored)).append("voided", false)
                .append("json", "{\"id\":\"" + statementId + "\"}");
        document.putAll(statement);
        database.getCollection("statements").insertOne(document);
        List<String> all = new ArrayList<>(List.of(tenant + "|all|*"));
        for (String each : series) {
            all.add(tenant + "|" + each);
        }
        index(all, stored, statementId);
    }

    private void file(String tenant, int n, String agent, String verb, Instant stored) {
        String statementId = id(n);
        database.getCollection("statements").insertOne(new Document("_id", tenant + "/" + statementId)
                .append("tenant", tenant).append("statementId", statementId).append("stored", Date.from(stored))
                .append("agents", List.of(agent)).append("verbId", verb)
                .append("activityId", "https://rto.example/units/" + n).append("voided", false)
                .append("json", "{\"id\":\"" + statementId + "\"}"));
        index(List.of(tenant + "|all|*", tenant + "|agent|" + agent, tenant + "|verb|" + verb), stored, statementId);
    }

    private void index(List<String> allSeries, Instant stored, String statementId) {
        String entry = String.format("%013d|%s", stored.toEpochMilli(), statementId);
        String day = SeriesKeys.day(stored);
        String second = SeriesKeys.second(stored);
        MongoCollection<Document> index = database.getCollection("statement_index");
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (String series : allSeries) {
            index.updateOne(new Document("_id", SeriesKeys.seriesDocument(series)), Updates.addToSet("days", day), upsert);
            index.updateOne(new Document("_id", SeriesKeys.dayDocument(series, day)),
                    Updates.addToSet("seconds", second), upsert);
            index.updateOne(new Document("_id", SeriesKeys.bucketDocument(series, day, second)),
                    Updates.addToSet("entries", entry), upsert);
        }
    }

    private static String id(int n) {
        return String.format("7c1d6a52-0000-4000-8000-%012d", n);
    }

    private static List<String> ids(StatementReader.Page page) {
        return page.statements().stream().map(statement -> statement.getString("statementId")).toList();
    }
}
