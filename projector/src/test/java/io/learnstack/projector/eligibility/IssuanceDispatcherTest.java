package io.learnstack.projector.eligibility;

import static io.learnstack.projector.eligibility.EligibilityFixtures.ADA;
import static io.learnstack.projector.eligibility.EligibilityFixtures.TENANT;
import static io.learnstack.projector.eligibility.EligibilityFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The dispatcher against a stub of the command service's internal awards endpoint. */
class IssuanceDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private HttpServer commandService;
    private IssuanceOutbox outbox;
    private IssuanceDispatcher dispatcher;

    private record Received(String authorization, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        commandService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        commandService.createContext("/internal/awards", this::answer);
        commandService.start();
        IssuanceProperties properties = new IssuanceProperties(
                URI.create("http://127.0.0.1:" + commandService.getAddress().getPort()), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5), 100, 4);
        outbox = new IssuanceOutbox(database, clock);
        dispatcher = new IssuanceDispatcher(database, properties, "s3cret", JSON, meters, clock);
    }

    @AfterEach
    void stop() {
        commandService.stop(0);
        client.close();
        server.shutdownNow();
    }

    /** Records a request as the projection does, with the learner's document showing that eligibility. */
    private void request(String credentialId, Instant eligibleAt) {
        database.getCollection(EligibilityProjection.LEARNERS).updateOne(new Document("_id", TENANT + "|" + ADA),
                new Document("$push", new Document("statuses", new Document("credentialId", credentialId)
                        .append("status", "eligible").append("eligibleAt", eligibleAt.toString()))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        outbox.request(TENANT, ADA, credentialId, eligibleAt);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                JSON.readTree(exchange.getRequestBody())));
        int status = answers.isEmpty() ? 500 : answers.poll();
        byte[] body = (status < 300 ? "{\"awardId\":\"award-1\",\"url\":\"http://x/credentials/award-1\"}"
                : "{\"error\":\"e\",\"message\":\"m\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aRequestIsPostedWithTheTokenAndMarkedDoneOnCreated() {
        // given
        request("unit-a", day(1));
        answers.add(201);

        // when
        dispatcher.sendDue();

        // then
        assertThat(received).hasSize(1);
        assertThat(received.get(0).authorization()).isEqualTo("Bearer s3cret");
        assertThat(received.get(0).body().toString()).isEqualTo(JSON.createObjectNode().put("tenant", TENANT)
                .put("credentialId", "unit-a").put("learnerKey", ADA).put("eligibleAt", day(1).toString()).toString());
        Document request = request();
        assertThat(request.getString("state")).isEqualTo("done");
        assertThat(request.getString("awardId")).isEqualTo("award-1");
        assertThat(meters.get("learnstack.eligibility.issuance.pending").gauge().value()).isZero();

        // when: a later round
        dispatcher.sendDue();

        // then
        assertThat(received).hasSize(1);
    }

    @Test
    void aWakeSendsWhatIsRecordedWithoutWaitingForThePoll() {
        // given a dispatcher that polls only every ten minutes, and a request recorded
        IssuanceDispatcher woken = new IssuanceDispatcher(database, new IssuanceProperties(
                URI.create("http://127.0.0.1:" + commandService.getAddress().getPort()), Duration.ofMinutes(10),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5), 100, 4),
                "s3cret", JSON, new SimpleMeterRegistry(), clock);
        request("unit-a", day(1));
        answers.add(201);
        try {
            // when
            woken.wake();

            // then
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(request().getString("state")).isEqualTo("done"));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).body().path("credentialId").asText()).isEqualTo("unit-a");
        } finally {
            woken.destroy();
        }
    }

    @Test
    void wakesDuringARoundRunOneMoreRoundAfterIt() throws Exception {
        // given a command service that holds the first request until released
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer held = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        held.setExecutor(Executors.newCachedThreadPool());
        held.createContext("/internal/awards", exchange -> {
            posted.add(JSON.readTree(exchange.getRequestBody()).path("credentialId").asText());
            firstArrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answerCreated(exchange);
        });
        held.start();
        IssuanceDispatcher woken = new IssuanceDispatcher(database, new IssuanceProperties(
                URI.create("http://127.0.0.1:" + held.getAddress().getPort()), Duration.ofMinutes(10),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10), 100, 4),
                "s3cret", JSON, new SimpleMeterRegistry(), clock);
        try {
            request("unit-a", day(1));
            woken.wake();
            firstArrived.await(10, TimeUnit.SECONDS);

            // when: a second request is recorded while the first round is still sending
            request("unit-b", day(1));
            woken.wake();
            woken.wake();
            release.countDown();

            // then
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database
                    .getCollection(IssuanceOutbox.COLLECTION).countDocuments(new Document("state", "done")))
                    .isEqualTo(2));
            assertThat(posted).containsExactly("unit-a", "unit-b");
        } finally {
            release.countDown();
            woken.destroy();
            held.stop(0);
        }
    }

    @Test
    void theRequestsOfARoundAreSentSideBySide() throws Exception {
        // given a command service that answers only once three requests are in flight together
        CountDownLatch together = new CountDownLatch(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.createContext("/internal/awards", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            together.countDown();
            try {
                together.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answerCreated(exchange);
            inFlight.decrementAndGet();
        });
        slow.start();
        try {
            IssuanceDispatcher sideBySide = new IssuanceDispatcher(database, new IssuanceProperties(
                    URI.create("http://127.0.0.1:" + slow.getAddress().getPort()), Duration.ofSeconds(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10), 100, 4),
                    "s3cret", JSON, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), clock);
            request("unit-a", day(1));
            request("unit-b", day(1));
            request("unit-c", day(1));

            // when
            sideBySide.sendDue();

            // then
            assertThat(mostInFlight.get()).isEqualTo(3);
            assertThat(database.getCollection(IssuanceOutbox.COLLECTION).countDocuments(new Document("state", "done")))
                    .isEqualTo(3);
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void aFailureIsRetriedAfterAPauseThatDoubles() {
        // given
        request("unit-a", day(1));
        answers.addAll(List.of(503, 500, 200));

        // when / then: the first attempt fails
        dispatcher.sendDue();
        assertThat(received).hasSize(1);
        assertThat(request().getString("state")).isEqualTo("pending");
        assertThat(meters.get("learnstack.eligibility.issuance.pending").gauge().value()).isEqualTo(1);

        // and nothing is sent before the pause has passed
        clock.move(Duration.ofMillis(1999));
        dispatcher.sendDue();
        assertThat(received).hasSize(1);

        // the second attempt after 2s, the third only after 4s more
        clock.move(Duration.ofMillis(1));
        dispatcher.sendDue();
        assertThat(received).hasSize(2);
        clock.move(Duration.ofSeconds(3));
        dispatcher.sendDue();
        assertThat(received).hasSize(2);
        clock.move(Duration.ofSeconds(1));
        dispatcher.sendDue();

        // then
        assertThat(received).hasSize(3);
        assertThat(request().getString("state")).isEqualTo("done");
        assertThat(request().getInteger("attempts")).isEqualTo(3);
    }

    @Test
    void anUnreachableCommandServiceIsRetried() {
        // given
        commandService.stop(0);
        request("unit-a", day(1));

        // when
        dispatcher.sendDue();

        // then
        assertThat(request().getString("state")).isEqualTo("pending");
        assertThat(request().getInteger("attempts")).isEqualTo(1);
        assertThat(request().getString("lastFailure")).isNotBlank();
    }

    @Test
    void anUnknownCredentialIsGivenUp() {
        // given
        request("retired", day(1));
        answers.add(404);

        // when
        dispatcher.sendDue();
        clock.move(Duration.ofMinutes(10));
        dispatcher.sendDue();

        // then
        assertThat(received).hasSize(1);
        assertThat(request().getString("state")).isEqualTo("rejected");
        assertThat(meters.get("learnstack.eligibility.issuance.rejected").counter().count()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseEligibilityWentIsDroppedUnsent() {
        // given
        outbox.request(TENANT, ADA, "unit-a", day(1));
        request("unit-a", day(2));
        answers.add(201);

        // when
        dispatcher.sendDue();

        // then
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body().path("eligibleAt").asText()).isEqualTo(day(2).toString());
        assertThat(database.getCollection(IssuanceOutbox.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void theBackoffStopsAtItsMaximum() {
        // when / then
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(60)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void recordingARequestAgainKeepsItsState() {
        // given
        request("unit-a", day(1));
        answers.add(201);
        dispatcher.sendDue();

        // when
        request("unit-a", day(1));
        dispatcher.sendDue();

        // then
        assertThat(request().getString("state")).isEqualTo("done");
        assertThat(received).hasSize(1);
    }

    private Document request() {
        return database.getCollection(IssuanceOutbox.COLLECTION).find().first();
    }

    private static void answerCreated(HttpExchange exchange) throws IOException {
        byte[] body = "{\"awardId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(201, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
