package io.learnstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Statements and documents written through the entry point are read back through it, across the command
 * service, the event store, Kafka, the projector, the read-model server and the query service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementFlowIntegrationTest {

    private static final String JSON = "application/json";
    private static final String EVENTS = "learnstack.events";

    private final ObjectMapper json = new ObjectMapper();
    private Learnstack learnstack;
    private MongoClient mongo;

    @BeforeAll
    void start() {
        learnstack = new Learnstack();
        mongo = MongoClients.create(learnstack.mongoUri());
    }

    @AfterAll
    void stop() {
        mongo.close();
        learnstack.close();
    }

    @Test
    void aPostedStatementIsReadBackAtOnceNormalised() throws Exception {
        // given
        String id = UUID.randomUUID().toString();

        // when
        HttpResponse<String> posted = post(statement(id, "mailto:ada@example.org", UUID.randomUUID().toString()));
        HttpResponse<String> read = get("/xapi/statements?statementId=" + id);

        // then
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode statement = json.readTree(read.body());
        assertThat(statement.get("id").asText()).isEqualTo(id);
        assertThat(statement.get("actor").get("mbox").asText()).isEqualTo("mailto:ada@example.org");
        assertThat(statement.has("stored")).isTrue();
        assertThat(statement.has("timestamp")).isTrue();
        assertThat(statement.get("authority").get("account").get("name").asText()).isEqualTo("demo");
        assertThat(statement.get("version").asText()).isEqualTo("1.0.0");
        assertThat(read.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
        assertThat(read.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
    }

    @Test
    void everyWriteIsVisibleToTheReadThatFollowsIt() {
        for (int i = 0; i < 30; i++) {
            String id = UUID.randomUUID().toString();
            assertThat(post(statement(id, "mailto:ryw@example.org", UUID.randomUUID().toString())).statusCode())
                    .isEqualTo(200);
            assertThat(get("/xapi/statements?statementId=" + id).statusCode()).as("read %d after its write", i)
                    .isEqualTo(200);
        }
    }

    @Test
    void listFiltersFindTheStatementsOfOneLearner() throws Exception {
        String learner = "mailto:" + UUID.randomUUID() + "@example.org";
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            posted.add(0, id);
            post(statement(id, learner, UUID.randomUUID().toString()));
        }

        HttpResponse<String> list = get("/xapi/statements?agent=" + encode("{\"mbox\":\"" + learner + "\"}")
                + "&verb=" + encode("http://adlnet.gov/expapi/verbs/passed"));

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(list.body());
        List<String> ids = new ArrayList<>();
        body.get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(posted);
        assertThat(body.get("more").asText()).isEmpty();
    }

    @Test
    void aVoidedStatementIsFoundOnlyAsVoidedAndLeavesLists() throws Exception {
        // given
        String registration = UUID.randomUUID().toString();
        String target = UUID.randomUUID().toString();
        String voiding = UUID.randomUUID().toString();
        post(statement(target, "mailto:void@example.org", registration));

        // when
        HttpResponse<String> voided = post("{\"id\":\"" + voiding + "\",\"actor\":{\"mbox\":\"mailto:admin@rto.example\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}");

        // then
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(get("/xapi/statements?statementId=" + target).statusCode()).isEqualTo(404);
        HttpResponse<String> asVoided = get("/xapi/statements?voidedStatementId=" + target);
        assertThat(asVoided.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asVoided.body()).get("id").asText()).isEqualTo(target);
        assertThat(get("/xapi/statements?voidedStatementId=" + voiding).statusCode()).isEqualTo(404);
        // The voided statement leaves the list; the voiding statement targets it, so it meets its filters.
        assertThat(listAll("/xapi/statements?registration=" + registration)).containsExactly(voiding);
        assertThat(listAll("/xapi/statements?verb=" + encode("http://adlnet.gov/expapi/verbs/voided") + "&limit=500"))
                .contains(voiding);
    }

    /**
     * The projector files statements under the series the query service walks: the broad filters reach
     * context agents and activities, and a statement targeting another is found by its target's filters.
     */
    @Test
    void broadFiltersAndStatementRefsFindWhatTheProjectorFiled() {
        // given a statement with an instructor and a category, and one that targets it
        String learner = "mailto:" + UUID.randomUUID() + "@example.org";
        String instructor = "mailto:" + UUID.randomUUID() + "@example.org";
        String category = "https://rto.example/categories/" + UUID.randomUUID();
        String target = UUID.randomUUID().toString();
        String confirming = UUID.randomUUID().toString();
        post("{\"id\":\"" + target + "\",\"actor\":{\"mbox\":\"" + learner + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
                + "\"object\":{\"id\":\"https://rto.example/units/HLTAID011/assessment\"},"
                + "\"context\":{\"instructor\":{\"mbox\":\"" + instructor + "\"},"
                + "\"contextActivities\":{\"category\":[{\"id\":\"" + category + "\"}]}}}");
        post("{\"id\":\"" + confirming + "\",\"actor\":{\"mbox\":\"mailto:assessor@rto.example\"},"
                + "\"verb\":{\"id\":\"http://example.org/verbs/confirmed\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}");
        String byInstructor = "/xapi/statements?agent=" + encode("{\"mbox\":\"" + instructor + "\"}");

        // when / then
        assertThat(listAll("/xapi/statements?agent=" + encode("{\"mbox\":\"" + learner + "\"}")))
                .containsExactly(confirming, target);
        assertThat(listAll(byInstructor)).isEmpty();
        assertThat(listAll(byInstructor + "&related_agents=true")).containsExactly(confirming, target);
        assertThat(listAll("/xapi/statements?activity=" + encode(category))).isEmpty();
        assertThat(listAll("/xapi/statements?activity=" + encode(category) + "&related_activities=true"))
                .containsExactly(confirming, target);
    }

    @Test
    void anAlternateRequestIsAnsweredAsTheRequestItStandsFor() throws Exception {
        // given
        String learner = "mailto:" + UUID.randomUUID() + "@example.org";
        String id = UUID.randomUUID().toString();
        String form = "statementId=" + id + "&X-Experience-API-Version=1.0.3"
                + "&Authorization=" + encode("Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                + "&content=" + encode(statement(null, learner, null));

        // when: a PUT and then a GET, each sent as a POST without headers of its own
        HttpResponse<String> put = learnstack.send(HttpRequest.newBuilder(
                URI.create(learnstack.baseUrl() + "/xapi/statements?method=PUT"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        HttpResponse<String> got = learnstack.send(learnstack.xapi("/xapi/statements?method=GET")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("agent=" + encode("{\"mbox\":\"" + learner + "\"}"))));

        // then
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(json.readTree(got.body()).get("statements").get(0).get("id").asText()).isEqualTo(id);
    }

    @Nested
    class Documents {

        private final String activity = "https://rto.example/units/" + UUID.randomUUID();
        private final String scope = "/xapi/activities/state?activityId=" + encode(activity) + "&agent="
                + encode("{\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}");
        private final String bookmark = scope + "&stateId=bookmark";

        @Test
        void aStateIsReadBackAfterEachWriteWithItsETag() throws Exception {
            // when: written, merged, then guarded by a stale tag
            HttpResponse<String> put = write("PUT", bookmark, "{\"page\":1}", null);
            HttpResponse<String> first = get(bookmark);
            HttpResponse<String> post = write("POST", bookmark, "{\"chapter\":2}", null);
            HttpResponse<String> merged = get(bookmark);
            HttpResponse<String> stale = write("PUT", bookmark, "{}", put.headers().firstValue("ETag").orElseThrow());

            // then
            assertThat(put.statusCode()).isEqualTo(204);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(json.readTree(first.body())).isEqualTo(json.readTree("{\"page\":1}"));
            assertThat(first.headers().firstValue("ETag")).isEqualTo(put.headers().firstValue("ETag"));
            assertThat(post.statusCode()).isEqualTo(204);
            assertThat(json.readTree(merged.body())).isEqualTo(json.readTree("{\"page\":1,\"chapter\":2}"));
            assertThat(merged.headers().firstValue("ETag")).isEqualTo(post.headers().firstValue("ETag"))
                    .isNotEqualTo(put.headers().firstValue("ETag"));
            assertThat(merged.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(JSON));
            assertThat(stale.statusCode()).isEqualTo(412);
        }

        @Test
        void aStateSetIsListedAndDeletedWhole() throws Exception {
            // given
            write("PUT", scope + "&stateId=a", "first", null);
            write("PUT", scope + "&stateId=b", "second", null);

            // when
            HttpResponse<String> listed = get(scope);
            HttpResponse<String> deleted = learnstack.send(learnstack.xapi(scope).DELETE());
            HttpResponse<String> afterwards = get(scope + "&stateId=a");

            // then
            assertThat(json.readTree(listed.body())).containsExactlyInAnyOrder(
                    json.getNodeFactory().textNode("a"), json.getNodeFactory().textNode("b"));
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(afterwards.statusCode()).isEqualTo(404);
            assertThat(get(scope).body()).isEqualTo("[]");
        }

        private HttpResponse<String> write(String method, String pathAndQuery, String body, String ifMatch) {
            HttpRequest.Builder request = learnstack.xapi(pathAndQuery)
                    .header("Content-Type", body.startsWith("{") ? JSON : "text/plain")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return learnstack.send(request);
        }
    }

    @Nested
    class BadInput {

        @Test
        void anInvalidStatementIsA400WithTheReason() {
            HttpResponse<String> response = post("{\"actor\":{\"mbox\":\"mailto:a@example.org\"},"
                    + "\"verb\":{\"id\":\"not an iri\"},\"object\":{\"id\":\"https://rto.example/a\"}}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("verb");
        }

        @Test
        void missingCredentialsAreA401ForReadsAndWrites() {
            HttpRequest.Builder write = HttpRequest.newBuilder(URI.create(learnstack.baseUrl() + "/xapi/statements"))
                    .header("X-Experience-API-Version", "1.0.3").header("Content-Type", JSON)
                    .POST(HttpRequest.BodyPublishers.ofString(statement(null, "mailto:a@example.org", null)));
            HttpRequest.Builder read = HttpRequest.newBuilder(URI.create(learnstack.baseUrl() + "/xapi/statements"))
                    .header("X-Experience-API-Version", "1.0.3");

            assertThat(learnstack.send(write).statusCode()).isEqualTo(401);
            assertThat(learnstack.send(read).statusCode()).isEqualTo(401);
        }

        @Test
        void anUnknownStatementIsA404AndABadParameterA400() {
            assertThat(get("/xapi/statements?statementId=" + UUID.randomUUID()).statusCode()).isEqualTo(404);
            assertThat(get("/xapi/statements?since=yesterday").statusCode()).isEqualTo(400);
        }

        /** Clients poll on the header until it passes their write, refusals included; it must move on. */
        @Test
        void aRefusedQueryNamesAConsistencyThatIncludesEarlierWrites() {
            post(statement(UUID.randomUUID().toString(), "mailto:poll@example.org", null));
            Instant answered = Instant.now();

            HttpResponse<String> badParameter = get("/xapi/statements?statementId=" + UUID.randomUUID()
                    + "&activity=" + encode("https://rto.example/units/HLTAID011/assessment"));

            assertThat(badParameter.statusCode()).isEqualTo(400);
            assertThat(Instant.parse(badParameter.headers().firstValue("X-Experience-API-Consistent-Through")
                    .orElseThrow())).isAfterOrEqualTo(answered.minusSeconds(1));
        }

        @Test
        void otherContentUnderATakenIdIsA409() {
            String id = UUID.randomUUID().toString();
            post(statement(id, "mailto:a@example.org", null));

            assertThat(post(statement(id, "mailto:b@example.org", null)).statusCode()).isEqualTo(409);
        }
    }

    /**
     * A rebuild drops every read model and applies the whole topic again; what it builds must be what live
     * projection built, batch boundaries and partition interleaving aside.
     */
    @Test
    void aRebuiltReadModelEqualsTheLiveOne() {
        // given: statements, a voiding, a state and an activity definition, projected live
        String registration = UUID.randomUUID().toString();
        String voided = UUID.randomUUID().toString();
        post(statement(voided, "mailto:rebuild@example.org", registration));
        post(statement(null, "mailto:rebuild@example.org", registration));
        post("{\"actor\":{\"mbox\":\"mailto:rebuild@example.org\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\","
                + "\"id\":\"" + voided + "\"}}");
        learnstack.send(learnstack.xapi("/xapi/activities/state?activityId=" + encode("https://rto.example/rebuild")
                + "&agent=" + encode("{\"mbox\":\"mailto:rebuild@example.org\"}") + "&stateId=bookmark")
                .header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString("{\"page\":7}")));
        assertThat(get("/xapi/statements?registration=" + registration).statusCode()).isEqualTo(200);
        Map<String, List<String>> live = readModels();
        // a document no projection writes: only a rebuild that really dropped the collection removes it
        mongo.getDatabase("learnstack").getCollection("statements").insertOne(new Document("_id", "not-projected"));

        // when
        learnstack.projector().stop();
        learnstack.startProjector("--learnstack.projector.rebuild=true");

        // then
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(readModels()).isEqualTo(live));
    }

    private static final int READ_BATCH = 8;

    /** Every projected collection, each document in a canonical form, sorted. */
    private Map<String, List<String>> readModels() {
        Map<String, List<String>> models = new TreeMap<>();
        for (String name : List.of("statements", "statement_index", "documents", "document_scopes", "activities",
                "attachments")) {
            List<String> documents = new ArrayList<>();
            // A few documents per reply: attachments hold their content, and the embedded server, unlike
            // MongoDB, does not cut a reply at 16 MB, so a default batch of them can outgrow the driver's limit.
            mongo.getDatabase("learnstack").getCollection(name).find().batchSize(READ_BATCH)
                    .forEach(document -> documents.add(canonical(document).toString()));
            documents.sort(null);
            models.put(name, documents);
        }
        return models;
    }

    /**
     * Sets written with $addToSet keep the order their members came in, which differs between partitions
     * applied side by side; an activity's revision counts its writes, which depend on batch boundaries; a
     * map whose last entry was removed in a later batch is left empty, where one batch would never write it.
     */
    private static Object canonical(Object value) {
        if (value instanceof Document document) {
            TreeMap<String, Object> fields = new TreeMap<>();
            document.forEach((name, field) -> {
                boolean emptied = field instanceof Document map && map.isEmpty();
                if (!name.equals("revision") && !emptied) {
                    fields.put(name, canonical(field));
                }
            });
            return fields;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StatementFlowIntegrationTest::canonical).map(String::valueOf).sorted().toList();
        }
        if (value instanceof org.bson.types.Binary binary) {
            return Base64.getEncoder().encodeToString(binary.getData());
        }
        return value;
    }

    /**
     * The projector is killed with SIGKILL while it works through a backlog. Its replacement starts from
     * the last committed offsets, so records are delivered again; the read model must end up with each
     * statement exactly once, and every statement readable.
     */
    @Test
    void aProjectorKilledMidBacklogLosesAndDuplicatesNothing() {
        // given a backlog on the bus while no projector runs
        String registration = UUID.randomUUID().toString();
        learnstack.projector().stop();
        Set<String> posted = new HashSet<>();
        for (int batch = 0; batch < 40; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                String id = UUID.randomUUID().toString();
                posted.add(id);
                body.append(i == 0 ? "" : ",").append(statement(id, "mailto:learner" + (i % 17) + "@example.org",
                        registration));
            }
            assertThat(post(body.append("]").toString()).statusCode()).isEqualTo(200);
        }
        MongoCollection<Document> statements = mongo.getDatabase("learnstack").getCollection("statements");
        Document ofThisRun = new Document("registration", registration);

        // when a projector starts, gets partway and is killed
        learnstack.startProjector();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> statements.countDocuments(ofThisRun) > 0);
        learnstack.projector().kill();
        long projectedWhenKilled = statements.countDocuments(ofThisRun);
        learnstack.startProjector();

        // then every statement is there once, and the list query returns each exactly once
        assertThat(projectedWhenKilled).isLessThan(posted.size());
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(statements.countDocuments(ofThisRun)).isEqualTo(posted.size()));
        List<String> listed = listAll("/xapi/statements?registration=" + registration + "&limit=500");
        assertThat(listed).hasSize(posted.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(posted);
    }

    /**
     * The projector is stopped with SIGTERM while it works through a backlog: it finishes the batch in
     * hand and commits its offsets before it exits, so the committed offsets are exactly the applied
     * progress, and its replacement applies only what was left, none of it twice.
     */
    @Test
    void aProjectorStoppedMidBacklogCommitsWhatItAppliedAndItsReplacementAppliesOnlyTheRest() throws Exception {
        // given a backlog on the bus while no projector runs
        String registration = UUID.randomUUID().toString();
        learnstack.projector().stop();
        Set<String> posted = postBacklog(registration, 40, 100);
        MongoCollection<Document> statements = mongo.getDatabase("learnstack").getCollection("statements");
        Document ofThisRun = new Document("registration", registration);

        // when a projector taking small batches starts, gets partway and is stopped
        learnstack.startProjector("--spring.kafka.consumer.max-poll-records=50");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> statements.countDocuments(ofThisRun) > 0);
        learnstack.projector().stop();
        long projectedWhenStopped = statements.countDocuments(ofThisRun);

        // then its committed offsets are its applied progress: nothing applied is left uncommitted
        assertThat(projectedWhenStopped).isLessThan(posted.size());
        assertThat(committedOffsets()).isEqualTo(appliedProgress());

        // when a replacement starts
        learnstack.startProjector();

        // then it applies the rest, each statement once
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(statements.countDocuments(ofThisRun)).isEqualTo(posted.size()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(statementsAppliedByTheProjector()).isEqualTo(posted.size() - projectedWhenStopped));
        List<String> listed = listAll("/xapi/statements?registration=" + registration + "&limit=500");
        assertThat(listed).hasSize(posted.size()).doesNotHaveDuplicates();
    }

    private Set<String> postBacklog(String registration, int requests, int statementsEach) {
        Set<String> posted = new HashSet<>();
        for (int batch = 0; batch < requests; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < statementsEach; i++) {
                String id = UUID.randomUUID().toString();
                posted.add(id);
                body.append(i == 0 ? "" : ",").append(statement(id, "mailto:learner" + (i % 17) + "@example.org",
                        registration));
            }
            assertThat(post(body.append("]").toString()).statusCode()).isEqualTo(200);
        }
        return posted;
    }

    /** The projector group's committed offset per partition of the events topic. */
    private Map<Integer, Long> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                learnstack.kafkaBootstrapServers()))) {
            Map<Integer, Long> committed = new TreeMap<>();
            admin.listConsumerGroupOffsets("learnstack-projector").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).forEach((partition, offset) -> {
                        if (partition.topic().equals(EVENTS) && offset != null) {
                            committed.put(partition.partition(), offset.offset());
                        }
                    });
            return committed;
        }
    }

    /** The next offset to apply per partition, as the projector recorded with the read models. */
    private Map<Integer, Long> appliedProgress() {
        Map<Integer, Long> applied = new TreeMap<>();
        mongo.getDatabase("learnstack").getCollection("projection_progress").find(new Document("topic", EVENTS))
                .forEach(progress -> applied.put(progress.getInteger("partition"),
                        ((Number) progress.get("nextOffset")).longValue()));
        return applied;
    }

    /** Statement events the running projector process has applied, redeliveries included. */
    private long statementsAppliedByTheProjector() {
        HttpResponse<String> metrics = learnstack.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + learnstack.projectorPort() + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)));
        return metrics.body().lines().filter(line -> line.startsWith("learnstack_projection_statements_applied_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private List<String> listAll(String first) {
        List<String> ids = new ArrayList<>();
        String next = first;
        while (!next.isEmpty()) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            try {
                JsonNode body = json.readTree(page.body());
                body.get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
                next = body.get("more").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private HttpResponse<String> post(String body) {
        return learnstack.send(learnstack.xapi("/xapi/statements").header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return learnstack.send(learnstack.xapi(pathAndQuery).GET());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String statement(String id, String mbox, String registration) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\",\"display\":{\"en-AU\":\"passed\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://rto.example/units/HLTAID011/assessment\"},"
                + "\"result\":{\"score\":{\"scaled\":0.8},\"success\":true}"
                + (registration == null ? "" : ",\"context\":{\"registration\":\"" + registration + "\"}")
                + "}";
    }
}
