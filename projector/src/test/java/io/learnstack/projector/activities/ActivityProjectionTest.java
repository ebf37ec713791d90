package io.learnstack.projector.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.StatementRecorded;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;

class ActivityProjectionTest {

    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String UNIT = "https://rto.example/units/HLTAID011";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ActivityProjection projection;
    private int statements;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new ActivityProjection(database, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theObjectActivityIsKeptAsAnActivityObject() throws Exception {
        // given
        String object = """
                {"objectType": "Activity", "id": "%s", "definition": {"type": "http://adlnet.gov/expapi/activities/course",
                 "name": {"en-AU": "Provide first aid"}, "extensions": {"https://rto.example/x/nominal-hours": 18}}}"""
                .formatted(UNIT);

        // when
        projection.apply(List.of(envelope(statement(object, null, T0))));

        // then
        assertThat(activity("demo", UNIT)).isEqualTo(JSON.readTree("""
                {"objectType": "Activity", "id": "%s", "definition": {"type": "http://adlnet.gov/expapi/activities/course",
                 "name": {"en-AU": "Provide first aid"}, "extensions": {"https://rto.example/x/nominal-hours": 18}}}"""
                .formatted(UNIT)));
    }

    @Test
    void anActivityWithoutDefinitionIsKeptWithItsIdAlone() throws Exception {
        // when
        projection.apply(List.of(envelope(statement("{\"id\": \"" + UNIT + "\"}", null, T0))));

        // then
        assertThat(activity("demo", UNIT)).isEqualTo(JSON.readTree(
                "{\"objectType\": \"Activity\", \"id\": \"" + UNIT + "\"}"));
    }

    @Test
    void contextActivitiesAndTheActivitiesOfASubStatementAreKeptToo() {
        // given
        String subStatement = """
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:ada@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
                 "object": {"id": "https://rto.example/sub/object"},
                 "context": {"contextActivities": {"parent": [{"id": "https://rto.example/sub/parent"}]}}}""";
        String context = """
                {"contextActivities": {"parent": [{"id": "https://rto.example/parent",
                  "definition": {"name": {"en": "Parent"}}}], "grouping": [{"id": "https://rto.example/grouping"}],
                  "category": [{"id": "https://rto.example/category"}], "other": {"id": "https://rto.example/other"}}}""";

        // when
        projection.apply(List.of(envelope(statement(subStatement, context, T0))));

        // then
        assertThat(database.getCollection(ActivityProjection.ACTIVITIES).find().map(d -> d.getString("activityId"))
                .into(new ArrayList<>())).containsExactlyInAnyOrder("https://rto.example/sub/object",
                        "https://rto.example/sub/parent", "https://rto.example/parent", "https://rto.example/grouping",
                        "https://rto.example/category", "https://rto.example/other");
        assertThat(activity("demo", "https://rto.example/parent").at("/definition/name/en").asText()).isEqualTo("Parent");
    }

    @Test
    void activitiesOfOneTenantAreNotAnothers() {
        // when
        projection.apply(List.of(envelope(statement("other", "{\"id\": \"" + UNIT + "\", \"definition\": "
                + "{\"name\": {\"en\": \"Other's\"}}}", null, T0))));

        // then
        assertThat(database.getCollection(ActivityProjection.ACTIVITIES)
                .find(new Document("_id", ActivityProjection.documentId("demo", UNIT))).first()).isNull();
        assertThat(activity("other", UNIT).at("/definition/name/en").asText()).isEqualTo("Other's");
    }

    @Nested
    class Merging {

        @Test
        void languageMapsGatherTheLanguagesOfEveryStatement() {
            // when
            projection.apply(List.of(envelope(named("{\"en-US\": \"example meeting\"}", T0))));
            projection.apply(List.of(envelope(named("{\"fr-FR\": \"réunion\"}", T0.plusSeconds(1)))));

            // then
            JsonNode name = activity("demo", UNIT).at("/definition/name");
            assertThat(name.path("en-US").asText()).isEqualTo("example meeting");
            assertThat(name.path("fr-FR").asText()).isEqualTo("réunion");
        }

        @Test
        void theLaterStatementWinsWhateverOrderTheyAreAppliedIn() {
            // given
            StatementRecorded earlier = statement(definition("{\"type\": \"https://rto.example/types/old\", "
                    + "\"name\": {\"en\": \"Old name\"}, \"moreInfo\": \"https://rto.example/info\"}"), null, T0);
            StatementRecorded later = statement(definition("{\"type\": \"https://rto.example/types/new\", "
                    + "\"name\": {\"en\": \"New name\"}}"), null, T0.plusSeconds(1));

            // when
            projection.apply(List.of(envelope(later)));
            projection.apply(List.of(envelope(earlier)));

            // then
            JsonNode definition = activity("demo", UNIT).get("definition");
            assertThat(definition.path("type").asText()).isEqualTo("https://rto.example/types/new");
            assertThat(definition.at("/name/en").asText()).isEqualTo("New name");
            assertThat(definition.path("moreInfo").asText()).as("kept: the later statement does not say otherwise")
                    .isEqualTo("https://rto.example/info");
        }

        @Test
        void concurrentProjectorsLoseNoDescription() throws Exception {
            // given: two projector threads, each with its own statements about the same activity
            ActivityProjection other = new ActivityProjection(database, new SimpleMeterRegistry());
            List<Envelope> first = new ArrayList<>();
            List<Envelope> second = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                first.add(envelope(extended("https://rto.example/x/first-" + i, T0.plusMillis(i))));
                second.add(envelope(extended("https://rto.example/x/second-" + i, T0.plusMillis(i))));
            }
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                // when: applied one statement at a time, side by side
                List<Callable<Void>> work = List.of(applyOneByOne(projection, first), applyOneByOne(other, second));
                for (Future<Void> done : threads.invokeAll(work)) {
                    done.get();
                }
            } finally {
                threads.shutdown();
            }

            // then
            JsonNode extensions = activity("demo", UNIT).at("/definition/extensions");
            for (int i = 0; i < 40; i++) {
                assertThat(extensions.has("https://rto.example/x/first-" + i)).as("first-" + i).isTrue();
                assertThat(extensions.has("https://rto.example/x/second-" + i)).as("second-" + i).isTrue();
            }
        }

        private Callable<Void> applyOneByOne(ActivityProjection applier, List<Envelope> envelopes) {
            return () -> {
                envelopes.forEach(envelope -> applier.apply(List.of(envelope)));
                return null;
            };
        }
    }

    @Nested
    class Redelivery {

        @Test
        void applyingTheSameBatchAgainChangesNothing() {
            // given
            List<Envelope> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                batch.add(envelope(statement(definition("{\"name\": {\"l" + (i % 4) + "\": \"v" + i + "\"}, "
                        + "\"type\": \"https://rto.example/types/t" + i + "\"}"), null, T0.plusSeconds(i))));
            }
            batch.add(new Envelope(new StatementVoided("demo", "0b9f1b2e-0000-4000-8000-000000000001", ADA,
                    "0b9f1b2e-0000-4000-8000-000000000002", T0), "learnstack.events", 0, 99));
            projection.apply(batch);
            List<Document> before = all();

            // when
            projection.apply(batch);
            projection.apply(batch.subList(3, 9));

            // then
            assertThat(all()).isEqualTo(before).hasSize(1);
            assertThat(activity("demo", UNIT).at("/definition/type").asText()).isEqualTo("https://rto.example/types/t29");
            assertThat(activity("demo", UNIT).at("/definition/name/l1").asText()).isEqualTo("v29");
        }
    }

    private JsonNode activity(String tenant, String activityId) {
        Document document = database.getCollection(ActivityProjection.ACTIVITIES)
                .find(new Document("_id", ActivityProjection.documentId(tenant, activityId))).first();
        assertThat(document).as(activityId).isNotNull();
        try {
            return JSON.readTree(document.getString("json"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Document> all() {
        return database.getCollection(ActivityProjection.ACTIVITIES).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private StatementRecorded named(String name, Instant stored) {
        return statement(definition("{\"name\": " + name + "}"), null, stored);
    }

    private StatementRecorded extended(String extension, Instant stored) {
        return statement(definition("{\"extensions\": {\"" + extension + "\": true}}"), null, stored);
    }

    private static String definition(String definition) {
        return "{\"objectType\": \"Activity\", \"id\": \"" + UNIT + "\", \"definition\": " + definition + "}";
    }

    private StatementRecorded statement(String object, String context, Instant stored) {
        return statement("demo", object, context, stored);
    }

    private StatementRecorded statement(String tenant, String object, String context, Instant stored) {
        String id = String.format("0b9f1b2e-0000-4000-8000-%012d", ++statements);
        String json = "{\"id\": \"" + id + "\", \"actor\": {\"mbox\": \"mailto:ada@example.org\"}, "
                + "\"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/completed\"}, \"object\": " + object
                + (context == null ? "" : ", \"context\": " + context) + ", \"stored\": \"" + stored + "\"}";
        return new StatementRecorded(tenant, id, ADA, "http://adlnet.gov/expapi/verbs/completed", "Activity", UNIT,
                null, stored, stored, json);
    }

    private static Envelope envelope(StatementRecorded recorded) {
        return new Envelope(recorded, "learnstack.events", 0, 0);
    }
}
