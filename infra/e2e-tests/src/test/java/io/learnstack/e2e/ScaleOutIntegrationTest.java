package io.learnstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.testsupport.JavaProcess;

/**
 * Two command-service instances behind the entry point and two projectors sharing the events topic's
 * partitions in one consumer group. Under a steady load of statements and enrolments (clients retry a
 * failed request with the same ids), a projector is stopped (SIGTERM), the command-service instance that
 * publishes to Kafka is killed (SIGKILL), a new projector joins and the last original projector is killed
 * (SIGKILL). Every acknowledged statement is then readable exactly once, and the analytics summary counts
 * exactly the enrolments and completions written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIntegrationTest {

    private static final String EVENTS = "learnstack.events";
    private static final String GROUP = "learnstack-projector";
    private static final int PARTITIONS = 6;
    private static final int STATEMENTS_PER_BATCH = 20;
    private static final Duration RETRY_FOR = Duration.ofSeconds(120);

    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString();
    private final String registration = UUID.randomUUID().toString();
    private final String course = "https://scale.example/" + run + "/courses/cert-iv";
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextBatch = new AtomicInteger();
    private final AtomicInteger batchesDone = new AtomicInteger();
    private final Map<String, Duration> takeovers = new java.util.LinkedHashMap<>();
    private volatile boolean stopping;
    private final ConcurrentMap<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private Learnstack learnstack;

    @BeforeAll
    void start() {
        learnstack = new Learnstack(2, 2);
    }

    @AfterAll
    void stop() {
        learnstack.close();
        System.out.println("scale-out run: " + acknowledged.size() + " statements acknowledged in "
                + batchesDone.get() + " batches; takeovers: " + takeovers
                + "; refused or failed attempts, retried with the same ids: " + refusals);
    }

    @Test
    void instancesShareTheWorkAndOneStoppingLosesAndDuplicatesNothing() throws Exception {
        // given two projectors that split the partitions between them
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(partitionsByProjector())
                .containsOnlyKeys("projector-1", "projector-2")
                .allSatisfy((projector, partitions) -> assertThat(partitions).isPositive())
                .satisfies(split -> assertThat(split.values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(PARTITIONS)));

        // when clients write steadily through the entry point
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> load = new ArrayList<>();
        for (int client = 0; client < 2; client++) {
            load.add(clients.submit(() -> {
                while (!stopping) {
                    writeBatch(nextBatch.getAndIncrement());
                    batchesDone.incrementAndGet();
                }
            }));
        }

        // and one projector is stopped: the other takes over its partitions
        awaitMoreBatches(8);
        learnstack.projectors().get(1).stop();
        timeTakeover("projector-2 SIGTERM", () ->
                assertThat(partitionsByProjector()).isEqualTo(Map.of("projector-1", PARTITIONS)));

        // and the command-service instance that publishes to Kafka is killed: the other takes over publishing
        awaitMoreBatches(8);
        publishingCommandService().kill();
        awaitMoreBatches(8);

        // and a new projector joins, and then the first is killed: the new one takes over all partitions
        String newcomer = learnstack.startAnotherProjector();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(partitionsByProjector()).containsOnlyKeys("projector-1", newcomer));
        awaitMoreBatches(8);
        learnstack.projectors().get(0).kill();
        timeTakeover("projector-1 SIGKILL", () ->
                assertThat(partitionsByProjector()).isEqualTo(Map.of(newcomer, PARTITIONS)));
        awaitMoreBatches(8);
        stopping = true;
        for (Future<?> client : load) {
            client.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        int batches = batchesDone.get();

        // then every acknowledged statement is listed exactly once, and nothing else
        assertThat(acknowledged).hasSize(batches * STATEMENTS_PER_BATCH);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            List<String> listed = listAll("/xapi/statements?registration=" + registration + "&limit=500");
            assertThat(listed).doesNotHaveDuplicates().hasSize(acknowledged.size());
            assertThat(new HashSet<>(listed)).isEqualTo(acknowledged);
        });

        // and the analytics count each enrolment and completion once
        JsonNode summary = json.readTree(get("/api/analytics/summary?course=" + course).body());
        assertThat(summary.get("enrolments").asInt()).isEqualTo(batches);
        assertThat(summary.get("learners").asInt()).isEqualTo(batches);
        // batches 0, 2, 4, ... complete their enrolment
        assertThat(summary.get("completed").asInt()).isEqualTo((batches + 1) / 2);
        assertThat(refusals).doesNotContainKeys("400", "409", "500");
    }

    /** One client's request: statements with their ids, a learner's enrolment, and for even batches its completion. */
    private void writeBatch(int batch) {
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < STATEMENTS_PER_BATCH; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            body.append(i == 0 ? "" : ",").append(statement(id, "mailto:scale-" + (i % 7) + "-" + run + "@example.org"));
        }
        String statements = body.append("]").toString();
        untilAccepted("statements", () -> send("POST", "/xapi/statements", statements), 200);
        acknowledged.addAll(ids);

        String enrolmentId = run + "-" + batch;
        String learner = "mbox:mailto:learner-" + batch + "-" + run + "@example.org";
        untilAccepted("enrolment", () -> send("POST", "/api/enrolments", "{\"id\":\"" + enrolmentId + "\","
                + "\"learner\":\"" + learner + "\",\"course\":\"" + course + "\",\"enrolled\":\"2026-03-02T00:00:00Z\"}"),
                200, 201);
        if (batch % 2 == 0) {
            // a completion retried after it was stored finds the enrolment completed already: 409
            untilAccepted("completion", () -> send("POST", "/api/enrolments/" + enrolmentId + "/completion",
                    "{\"success\":true,\"at\":\"2026-05-02T00:00:00Z\"}"), 200, 201, 409);
        }
    }

    /** Sends a request until it is answered with one of the statuses, as a client that retries with the same ids. */
    private void untilAccepted(String what, java.util.function.Supplier<HttpResponse<String>> request,
            int... accepted) {
        AtomicInteger attempts = new AtomicInteger();
        await().atMost(RETRY_FOR).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
            String outcome;
            try {
                HttpResponse<String> response = request.get();
                for (int status : accepted) {
                    if (response.statusCode() == status && (status != 409 || attempts.get() > 0)) {
                        return true;
                    }
                }
                outcome = Integer.toString(response.statusCode());
            } catch (RuntimeException failed) {
                outcome = "connection: " + failed.getCause();
            }
            attempts.incrementAndGet();
            refusals.computeIfAbsent(what + " " + outcome, key -> new AtomicInteger()).incrementAndGet();
            refusals.computeIfAbsent(outcome.split(" ")[0], key -> new AtomicInteger()).incrementAndGet();
            return false;
        });
    }

    private void awaitMoreBatches(int more) {
        int done = batchesDone.get() + more;
        await().atMost(Duration.ofMinutes(3)).until(() -> batchesDone.get() >= done);
    }

    /** Waits until the partitions are handed over as asserted, and notes how long that took. */
    private void timeTakeover(String what, org.awaitility.core.ThrowingRunnable handedOver) {
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(handedOver);
        takeovers.put(what, Duration.ofMillis((System.nanoTime() - started) / 1_000_000));
    }

    /** How many of the events topic's partitions each projector holds, by the Kafka client id of its consumers. */
    private Map<String, Integer> partitionsByProjector() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                learnstack.kafkaBootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(30, TimeUnit.SECONDS).get(GROUP);
            Map<String, Integer> split = new TreeMap<>();
            group.members().forEach(member -> {
                // each projector runs several consumers: projector-1-0, projector-1-1, ...
                String projector = member.clientId().replaceFirst("-\\d+$", "");
                long partitions = member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(EVENTS)).count();
                split.merge(projector, (int) partitions, Integer::sum);
            });
            split.values().removeIf(partitions -> partitions == 0);
            return split;
        }
    }

    /** The command-service instance whose Kafka publisher holds its claim in the event store, by its pid. */
    private JavaProcess publishingCommandService() throws Exception {
        try (Connection connection = DriverManager.getConnection(learnstack.eventStoreJdbcUrl(), "sa", "");
                Statement query = connection.createStatement();
                ResultSet owner = query.executeQuery(
                        "SELECT owner FROM TokenEntry WHERE processorName = 'kafka-publisher'")) {
            assertThat(owner.next()).as("the publisher has a token").isTrue();
            long pid = Long.parseLong(owner.getString(1).split("@")[0]);
            return learnstack.commandServices().stream().filter(service -> service.pid() == pid).findFirst()
                    .orElseThrow(() -> new AssertionError("no command service has pid " + pid));
        }
    }

    private List<String> listAll(String first) throws Exception {
        List<String> ids = new ArrayList<>();
        String next = first;
        while (!next.isEmpty()) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(page.body());
            body.get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
            next = body.get("more").asText();
        }
        return ids;
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return learnstack.send(learnstack.xapi(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return learnstack.send(learnstack.xapi(pathAndQuery).GET());
    }

    private String statement(String id, String mbox) {
        return "{\"id\":\"" + id + "\","
                + "\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\",\"display\":{\"en-AU\":\"experienced\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://scale.example/" + run + "/readings/1\"},"
                + "\"context\":{\"registration\":\"" + registration + "\"}}";
    }
}
