package io.learnstack.command.documents;

import static io.learnstack.command.PublishedEvents.header;
import static io.learnstack.command.XapiRequests.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.PublishedEvents;
import io.learnstack.events.DocumentKind;
import io.learnstack.events.EventTypes;

/**
 * Document writes against the real event-store server and Kafka broker: the status codes clients see,
 * and that every accepted write reaches the bus in order, keyed by its scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "learnstack.documents.snapshot-threshold=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentIntakeIntegrationTest {

    private static final String AGENT = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}";
    private static final String AGENT_KEY = "mbox:mailto:ada@example.org";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;

    private PublishedEvents published;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeAll
    void subscribe() {
        published = new PublishedEvents("documents-test");
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void aStatesLifeReachesTheBusInOrderKeyedByItsScope() throws Exception {
        // given
        String activity = newActivity();
        String state = state(activity, "bookmark");

        // when
        ResponseEntity<String> put = send(HttpMethod.PUT, state, JSON, "{\"page\":1,\"chapter\":\"one\"}");
        ResponseEntity<String> post = send(HttpMethod.POST, state, JSON, "{\"page\":2}");
        ResponseEntity<String> delete = send(HttpMethod.DELETE, state, null, null);

        // then
        assertThat(List.of(put.getStatusCode(), post.getStatusCode(), delete.getStatusCode()))
                .containsOnly(HttpStatus.NO_CONTENT);
        assertThat(put.getHeaders().getETag()).isEqualTo(Etags.of("{\"page\":1,\"chapter\":\"one\"}".getBytes()));
        List<ConsumerRecord<String, byte[]>> records = awaitPublished(activity, 3);
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo("demo|" + AGENT_KEY));
        assertThat(records).extracting(record -> header(record, EventTypes.TYPE_HEADER))
                .containsExactly("DocumentStored", "DocumentStored", "DocumentDeleted");
        JsonNode merged = payload(records.get(1));
        assertThat(merged.path("address").path("documentId").asText()).isEqualTo("bookmark");
        assertThat(merged.path("etag").asText()).isEqualTo(post.getHeaders().getETag());
        assertThat(MAPPER.readTree(merged.path("content").binaryValue()))
                .isEqualTo(MAPPER.readTree("{\"page\":2,\"chapter\":\"one\"}"));
        assertThat(merged.path("contentType").asText()).isEqualTo(JSON);
    }

    @Test
    void deletingEveryStateWithoutARegistrationRecordsOneDeletionPerDocumentOfEveryRegistration() {
        // given
        String activity = newActivity();
        String registration = UUID.randomUUID().toString();
        send(HttpMethod.PUT, state(activity, "a"), "text/plain", "first");
        send(HttpMethod.PUT, state(activity, "b"), "text/plain", "second");
        send(HttpMethod.PUT, state(activity, "c") + "&registration=" + registration, "text/plain", "registered");

        // when
        ResponseEntity<String> delete = send(HttpMethod.DELETE, scope(activity), null, null);

        // then
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<ConsumerRecord<String, byte[]>> records = awaitPublished(activity, 6);
        assertThat(records.subList(3, 6)).extracting(record -> header(record, EventTypes.TYPE_HEADER))
                .containsOnly("DocumentDeleted");
        assertThat(records.subList(3, 6)).extracting(record -> payload(record).path("address").path("documentId")
                .asText()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void deletingTheStatesOfOneRegistrationSparesTheOthers() {
        // given
        String activity = newActivity();
        String registration = UUID.randomUUID().toString();
        send(HttpMethod.PUT, state(activity, "a"), "text/plain", "unregistered");
        send(HttpMethod.PUT, state(activity, "b") + "&registration=" + registration, "text/plain", "registered");

        // when
        ResponseEntity<String> delete = send(HttpMethod.DELETE, scope(activity) + "&registration=" + registration,
                null, null);

        // then
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<ConsumerRecord<String, byte[]>> records = awaitPublished(activity, 3);
        assertThat(header(records.get(2), EventTypes.TYPE_HEADER)).isEqualTo("DocumentDeleted");
        assertThat(payload(records.get(2)).path("address").path("documentId").asText()).isEqualTo("b");
    }

    @Test
    void aFormEncodedDocumentIsKeptAsSentAndNothingJsonMergesIntoIt() throws Exception {
        // given
        String activity = newActivity();
        String state = state(activity, "form");

        // when
        ResponseEntity<String> post = send(HttpMethod.POST, state, "application/x-www-form-urlencoded", "abc=1&d");
        ResponseEntity<String> merge = send(HttpMethod.POST, state, JSON, "{\"a\":1}");

        // then
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(merge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(merge.getBody()).contains("form");
        JsonNode stored = payload(awaitPublished(activity, 1).get(0));
        assertThat(new String(stored.path("content").binaryValue(), StandardCharsets.UTF_8)).isEqualTo("abc=1&d");
        assertThat(stored.path("contentType").asText()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Nested
    class Concurrency {

        @Test
        void aProfilePutUnder103MustSayWhetherItCreatesOrReplaces() {
            String profile = "/xapi/activities/profile?activityId=" + encoded(newActivity()) + "&profileId=p";

            assertThat(send(HttpMethod.PUT, profile, JSON, "{\"v\":1}").getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            ResponseEntity<String> created = send(HttpMethod.PUT, profile, JSON, "{\"v\":1}", "If-None-Match", "*");
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(send(HttpMethod.PUT, profile, JSON, "{\"v\":2}", "If-None-Match", "*").getStatusCode())
                    .isEqualTo(HttpStatus.PRECONDITION_FAILED);
            ResponseEntity<String> unconditional = send(HttpMethod.PUT, profile, JSON, "{\"v\":2}");
            assertThat(unconditional.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(unconditional.getBody()).contains("If-Match");
            assertThat(send(HttpMethod.PUT, profile, JSON, "{\"v\":2}", "If-Match",
                    "\"1111111111111111111111111111111111111111\"").getStatusCode())
                    .isEqualTo(HttpStatus.PRECONDITION_FAILED);
            assertThat(send(HttpMethod.PUT, profile, JSON, "{\"v\":2}", "If-Match", created.getHeaders().getETag())
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        @Test
        void manyWritersOfOneScopeAreAllServed() throws Exception {
            String activity = newActivity();
            AtomicInteger next = new AtomicInteger();

            List<HttpStatus> answers = inParallel(8, () -> {
                int n = next.incrementAndGet();
                return send(HttpMethod.PUT, state(activity, "s" + n), JSON, "{\"n\":" + n + "}");
            });

            assertThat(answers).containsOnly(HttpStatus.NO_CONTENT);
            assertThat(awaitPublished(activity, 8)).hasSize(8);
        }
    }

    @Test
    void aBusyScopeIsSnapshottedAndMergesStillSeeItsDocuments() throws Exception {
        // given: more writes than the snapshot threshold
        String activity = newActivity();
        send(HttpMethod.PUT, state(activity, "kept"), JSON, "{\"a\":1}");
        for (int i = 0; i < 8; i++) {
            send(HttpMethod.PUT, state(activity, "bookmark"), JSON, "{\"page\":" + i + "}");
        }
        String aggregateId = new DocumentScope("demo", DocumentKind.STATE, activity, AGENT_KEY, null).aggregateId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class, aggregateId))
                .isPositive());

        // when
        ResponseEntity<String> merge = send(HttpMethod.POST, state(activity, "kept"), JSON, "{\"b\":2}");

        // then
        assertThat(merge.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<ConsumerRecord<String, byte[]>> records = awaitPublished(activity, 10);
        assertThat(MAPPER.readTree(payload(records.get(9)).path("content").binaryValue()))
                .isEqualTo(MAPPER.readTree("{\"a\":1,\"b\":2}"));
    }

    private ResponseEntity<String> send(HttpMethod method, String pathAndQuery, String contentType, String body,
            String... headerPairs) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("demo", "demo");
        headers.set("X-Experience-API-Version", "1.0.3");
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.set(headerPairs[i], headerPairs[i + 1]);
        }
        // a URI, so the already encoded query is sent as it is
        RequestEntity<String> request = new RequestEntity<>(body, headers, method, URI.create(pathAndQuery));
        return http.exchange(request, String.class);
    }

    private List<ConsumerRecord<String, byte[]>> awaitPublished(String activity, int count) {
        return published.awaitDistinct(
                record -> payload(record).path("address").path("activityId").asText().equals(activity), count);
    }

    private static String newActivity() {
        return "https://rto.example/units/" + UUID.randomUUID();
    }

    private static String scope(String activity) {
        return "/xapi/activities/state?activityId=" + encoded(activity) + "&agent=" + encoded(AGENT);
    }

    private static String state(String activity, String stateId) {
        return scope(activity) + "&stateId=" + stateId;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
