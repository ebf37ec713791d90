package io.learnstack.query.documents;

import static io.learnstack.query.documents.ProjectedDocuments.activityProfile;
import static io.learnstack.query.documents.ProjectedDocuments.agentProfile;
import static io.learnstack.query.documents.ProjectedDocuments.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.learnstack.query.XapiReadIntegration;
import io.learnstack.testsupport.LocalInfrastructure;

/** GET and HEAD of the state, activity profile and agent profile resources over HTTP. */
class DocumentResourcesIntegrationTest extends XapiReadIntegration {

    private static final String AGENT = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://rto.example\","
            + "\"name\":\"s123\"}}";
    private static final String AGENT_KEY = "account:https://rto.example|s123";
    private static final String REGISTRATION = "6fbd600f-d17c-4c74-801a-2ec2e53231c7";
    private static final Instant STORED = Instant.parse("2026-11-24T09:00:00.250Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private String activityId;
    private ProjectedDocuments projected;

    @BeforeEach
    void freshActivity() {
        activityId = "https://rto.example/units/" + UUID.randomUUID();
        projected = new ProjectedDocuments(readModels, "demo");
    }

    @Nested
    class State {

        @Test
        void aStoredStateComesBackAsStoredWithItsTypeEtagAndLastModified() {
            // given
            projected.store(state(activityId, AGENT_KEY), null, "bookmark", "application/json", "{\"page\": 3}", "\"e1\"",
                    STORED);

            // when
            ResponseEntity<byte[]> answer = get(stateUri("stateId", "bookmark"));

            // then
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"page\": 3}");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertThat(answer.getHeaders().getETag()).isEqualTo("\"e1\"");
            assertThat(answer.getHeaders().getLastModified()).isEqualTo(STORED.toEpochMilli() / 1000 * 1000);
            assertThat(answer.getHeaders().getFirst("X-Experience-API-Version")).isEqualTo("1.0.3");
        }

        @Test
        void headAnswersLikeGetWithoutTheBody() {
            // given
            projected.store(state(activityId, AGENT_KEY), null, "bookmark", "text/plain", "page 3", "\"e1\"", STORED);

            // when
            ResponseEntity<byte[]> answer = head(stateUri("stateId", "bookmark"));

            // then
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).isNull();
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
            assertThat(answer.getHeaders().getETag()).isEqualTo("\"e1\"");
            assertThat(answer.getHeaders().getContentLength()).isEqualTo(6);
        }

        @Test
        void theRegistrationSelectsItsOwnState() {
            // given
            projected.store(state(activityId, AGENT_KEY), null, "bookmark", "application/json", "{\"page\":3}", "\"e1\"", STORED);
            projected.store(state(activityId, AGENT_KEY), REGISTRATION, "bookmark", "application/json", "{\"page\":9}",
                    "\"e2\"", STORED);

            // when
            ResponseEntity<byte[]> answer = get(stateUri("stateId", "bookmark", "registration", REGISTRATION.toUpperCase()));

            // then
            assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"page\":9}");
        }

        @Test
        void aMissingStateIsNotFoundForGetAndHead() {
            assertThat(get(stateUri("stateId", "never-stored")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(head(stateUri("stateId", "never-stored")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void withoutStateIdTheIdsAreListedAndSinceKeepsTheNewerOnes() throws Exception {
            // given
            projected.store(state(activityId, AGENT_KEY), null, "older", "application/json", "{}", "\"e1\"", STORED);
            projected.store(state(activityId, AGENT_KEY), REGISTRATION, "newer", "application/json", "{}", "\"e2\"",
                    STORED.plusSeconds(60));

            // when
            ResponseEntity<byte[]> all = get(stateUri());
            ResponseEntity<byte[]> since = get(stateUri("since", "2026-11-24T19:00:30+10:00"));
            ResponseEntity<byte[]> registered = get(stateUri("registration", REGISTRATION));

            // then
            assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(all.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertThat(JSON.readTree(all.getBody())).isEqualTo(JSON.readTree("[\"older\", \"newer\"]"));
            assertThat(JSON.readTree(since.getBody())).isEqualTo(JSON.readTree("[\"newer\"]"));
            assertThat(JSON.readTree(registered.getBody())).isEqualTo(JSON.readTree("[\"newer\"]"));
            assertThat(JSON.readTree(get(uri("/xapi/activities/state", "activityId", activityId + "/none", "agent", AGENT))
                    .getBody())).isEqualTo(JSON.readTree("[]"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.learnstack.query.documents.DocumentResourcesIntegrationTest#invalidStateRequests")
        void anInvalidRequestIsRefusedWithAReason(String why, String[] namesAndValues) throws Exception {
            // when
            ResponseEntity<byte[]> answer = get(uri("/xapi/activities/state", namesAndValues));

            // then
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(JSON.readTree(answer.getBody()).path("message").asText()).isNotBlank();
        }
    }

    static Stream<Arguments> invalidStateRequests() {
        String unit = "https://rto.example/u";
        return Stream.of(
                Arguments.of("no activityId", new String[] {"agent", AGENT}),
                Arguments.of("activityId not an IRI", new String[] {"activityId", "true", "agent", AGENT}),
                Arguments.of("no agent", new String[] {"activityId", unit}),
                Arguments.of("agent not JSON", new String[] {"activityId", unit, "agent", "true"}),
                Arguments.of("agent without identifier", new String[] {"activityId", unit, "agent", "{\"name\":\"Ada\"}"}),
                Arguments.of("registration not a UUID", new String[] {"activityId", unit, "agent", AGENT,
                        "registration", "true"}),
                Arguments.of("since not a timestamp", new String[] {"activityId", unit, "agent", AGENT, "since", "yesterday"}),
                Arguments.of("empty stateId", new String[] {"activityId", unit, "agent", AGENT, "stateId", ""}),
                Arguments.of("unknown parameter", new String[] {"activityId", unit, "agent", AGENT, "profileId", "p"}));
    }

    @Nested
    class Profiles {

        @Test
        void anActivityProfileIsFoundByActivityAndProfileId() {
            // given
            projected.store(activityProfile(activityId), null, "syllabus", "application/octet-stream", "/ asdf / undefined",
                    "\"e3\"", STORED);

            // when
            ResponseEntity<byte[]> answer = get(uri("/xapi/activities/profile", "activityId", activityId,
                    "profileId", "syllabus"));

            // then
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).isEqualTo("/ asdf / undefined");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
            assertThat(answer.getHeaders().getETag()).isEqualTo("\"e3\"");
        }

        @Test
        void anActivitysProfilesAreListed() throws Exception {
            // given
            projected.store(activityProfile(activityId), null, "syllabus", "application/json", "{}", "\"e3\"", STORED);

            // when
            ResponseEntity<byte[]> answer = get(uri("/xapi/activities/profile", "activityId", activityId));

            // then
            assertThat(JSON.readTree(answer.getBody())).isEqualTo(JSON.readTree("[\"syllabus\"]"));
            assertThat(answer.getHeaders().getLastModified()).isEqualTo(STORED.toEpochMilli() / 1000 * 1000);
        }

        @Test
        void anAgentProfileIsFoundByAgentAndProfileIdAndListedByAgent() throws Exception {
            // given
            String agentKey = "mbox:mailto:" + UUID.randomUUID() + "@example.org";
            String agent = "{\"mbox\":\"" + agentKey.substring(5) + "\"}";
            projected.store(agentProfile(agentKey), null, "preferences", "application/json", "{\"theme\":\"dark\"}",
                    "\"e4\"", STORED);

            // when
            ResponseEntity<byte[]> single = get(uri("/xapi/agents/profile", "agent", agent, "profileId", "preferences"));
            ResponseEntity<byte[]> list = get(uri("/xapi/agents/profile", "agent", agent,
                    "since", "2026-11-24T08:59:59Z"));
            ResponseEntity<byte[]> missing = head(uri("/xapi/agents/profile", "agent", agent, "profileId", "cv"));

            // then
            assertThat(new String(single.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"theme\":\"dark\"}");
            assertThat(JSON.readTree(list.getBody())).isEqualTo(JSON.readTree("[\"preferences\"]"));
            assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void profileRequestsWithoutTheirScopeAreRefused() {
            assertThat(get(uri("/xapi/activities/profile", "profileId", "p")).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(get(uri("/xapi/agents/profile", "profileId", "p")).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(get(uri("/xapi/agents/profile", "agent", "true", "profileId", "p")).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Nested
    class Filters {

        @Test
        void aRequestWithoutCredentialsIsUnauthorised() {
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Experience-API-Version", "1.0.3");

            assertThat(exchange(HttpMethod.GET, stateUri("stateId", "s"), headers).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void aRequestWithoutVersionIsRefused() {
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth("demo", "demo");

            assertThat(exchange(HttpMethod.GET, stateUri("stateId", "s"), headers).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void aReadWaitsUntilTheProjectionsHaveAppliedWhatIsOnTheBus() throws Exception {
        // given: a write was answered, its event is on the bus, the projector has not applied it yet
        long logEnd = publishOneEvent();

        // when
        CompletableFuture<ResponseEntity<byte[]>> read = CompletableFuture.supplyAsync(() -> get(stateUri("stateId", "late")));

        // then: the read waits for the projector
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
        projected.store(state(activityId, AGENT_KEY), null, "late", "application/json", "{}", "\"e9\"", STORED);
        readModels.getCollection("projection_progress").updateOne(new Document("_id", TOPIC + "|0"),
                Updates.combine(Updates.set("nextOffset", logEnd), Updates.set("appliedThrough", new Date())),
                new UpdateOptions().upsert(true));
        assertThat(read.get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private long publishOneEvent() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(new ProducerRecord<>(TOPIC, 0, "demo|" + AGENT_KEY, new byte[0])).get(30, TimeUnit.SECONDS)
                    .offset() + 1;
        }
    }

    private URI stateUri(String... more) {
        String[] namesAndValues = new String[4 + more.length];
        namesAndValues[0] = "activityId";
        namesAndValues[1] = activityId;
        namesAndValues[2] = "agent";
        namesAndValues[3] = AGENT;
        System.arraycopy(more, 0, namesAndValues, 4, more.length);
        return uri("/xapi/activities/state", namesAndValues);
    }
}
