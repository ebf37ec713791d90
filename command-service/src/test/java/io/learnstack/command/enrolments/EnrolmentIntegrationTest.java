package io.learnstack.command.enrolments;

import static io.learnstack.command.PublishedEvents.header;
import static io.learnstack.command.XapiRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.PublishedEvents;
import io.learnstack.events.EventTypes;

/**
 * Enrolments against the real event store and broker: from statements in the statement's unit of work,
 * and from the registrar's API, each answered once its events are on the bus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrolmentIntegrationTest {

    private static final String COURSE = "https://rto.example/courses/first-aid";
    private static final String OTHER_COURSE = "https://rto.example/courses/cpr";

    @Autowired
    private TestRestTemplate http;

    private PublishedEvents published;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeAll
    void subscribe() {
        published = new PublishedEvents("enrolment-test");
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void aRegisteredStatementEnrolsAndTheRegistrarCompletesAndReEnrols() {
        // given
        String mbox = "mailto:" + UUID.randomUUID() + "@example.org";
        String key = "demo|mbox:" + mbox;
        String registration = UUID.randomUUID().toString();
        String statementId = UUID.randomUUID().toString();

        // when a statement registers the learner on the course
        ResponseEntity<String> stored = post(http, "{\"id\":\"" + statementId + "\","
                + "\"actor\":{\"mbox\":\"" + mbox + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/registered\"},"
                + "\"object\":{\"id\":\"" + COURSE + "\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/course\"}},"
                + "\"context\":{\"registration\":\"" + registration + "\"},"
                + "\"timestamp\":\"2026-02-03T09:00:00Z\"}");

        // then the enrolment follows the statement on the learner's key
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<ConsumerRecord<String, byte[]>> records = published.awaitDistinct(record -> key.equals(record.key()), 3);
        assertThat(records).extracting(record -> header(record, EventTypes.TYPE_HEADER))
                .containsExactly("StatementRecorded", "LearningActivityRecorded", "LearnerEnrolled");
        assertThat(new String(records.get(2).value(), StandardCharsets.UTF_8))
                .contains("\"enrolmentId\":\"" + registration + "\"").contains("\"statementId\":\"" + statementId + "\"");

        // when the registrar completes it and enrols the learner in another course
        ResponseEntity<String> completed = api("/api/enrolments/" + registration + "/completion",
                "{\"success\":true,\"at\":\"2026-05-01T00:00:00Z\"}");
        ResponseEntity<String> again = api("/api/enrolments", "{\"learner\":\"mbox:" + mbox + "\",\"course\":\""
                + OTHER_COURSE + "\",\"enrolled\":\"2026-06-01T00:00:00Z\",\"id\":\"" + UUID.randomUUID() + "\"}");

        // then the second enrolment is a re-enrolment, and every event is on the bus already
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).contains("\"reEnrolment\":true");
        assertThat(published.awaitDistinct(record -> key.equals(record.key()), 6))
                .extracting(record -> header(record, EventTypes.TYPE_HEADER))
                .containsExactly("StatementRecorded", "LearningActivityRecorded", "LearnerEnrolled", "EnrolmentCompleted", "LearnerEnrolled",
                        "LearnerReEnrolled");
    }

    @Test
    void theRegistrarsErrorsAreClear() {
        ResponseEntity<String> unknown = api("/api/enrolments/" + UUID.randomUUID() + "/withdrawal", "{}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String id = UUID.randomUUID().toString();
        assertThat(api("/api/enrolments", "{\"learner\":\"mbox:mailto:bo@example.org\",\"course\":\"" + COURSE
                + "\",\"id\":\"" + id + "\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api("/api/enrolments", "{\"learner\":\"mbox:mailto:bo@example.org\",\"course\":\"" + COURSE
                + "\",\"id\":\"" + id + "\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> otherLearner = api("/api/enrolments", "{\"learner\":\"mbox:mailto:cy@example.org\","
                + "\"course\":\"" + COURSE + "\",\"id\":\"" + id + "\"}");
        assertThat(otherLearner.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherLearner.getBody()).contains("belongs to another learner");
        assertThat(api("/api/enrolments/" + id + "/withdrawal", "{\"reason\":\"moved\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api("/api/enrolments/" + id + "/completion", "{}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private ResponseEntity<String> api(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("demo", "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
