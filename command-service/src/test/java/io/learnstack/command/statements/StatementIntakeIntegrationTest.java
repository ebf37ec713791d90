package io.learnstack.command.statements;

import static io.learnstack.command.PublishedEvents.header;
import static io.learnstack.command.XapiRequests.headers;
import static io.learnstack.command.XapiRequests.inParallel;
import static io.learnstack.command.XapiRequests.post;
import static io.learnstack.command.XapiRequests.statement;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.PublishedEvents;
import io.learnstack.events.EventTypes;
import io.learnstack.events.LearnstackEvent;

/**
 * The write side against the real event-store server and Kafka broker: what is accepted, what is
 * refused, and that accepted statements reach the bus keyed by learner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementIntakeIntegrationTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;

    private PublishedEvents published;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeAll
    void subscribe() {
        published = new PublishedEvents("intake-test");
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void anAcceptedStatementIsStoredAndPublishedKeyedByItsLearner() {
        // given
        String id = UUID.randomUUID().toString();

        // when
        ResponseEntity<String> response = post(http, statement(id, "mailto:ada@example.org", "passed", 0.9));

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("[\"" + id + "\"]");
        assertThat(response.getHeaders().getFirst("X-Experience-API-Version")).isEqualTo("1.0.3");
        List<ConsumerRecord<String, byte[]>> records = awaitPublished(id, 2);
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo("demo|mbox:mailto:ada@example.org"));
        assertThat(records).extracting(record -> header(record, EventTypes.TYPE_HEADER))
                .containsExactly("StatementRecorded", "AssessmentSubmitted");
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"statementId\":\"" + id + "\"").contains("\\\"stored\\\"");
    }

    @Test
    void eventsAreSentAsStoredInTheSameJsonTheServiceWritesAndStoredWithTheirKey() throws Exception {
        // given
        String id = UUID.randomUUID().toString();

        // when
        post(http, statement(id, "mailto:grace@example.org", "passed", 0.7));

        // then the record's value is the stored payload, byte for byte
        List<ConsumerRecord<String, byte[]>> records = awaitPublished(id, 2);
        for (ConsumerRecord<String, byte[]> record : records) {
            byte[] payload = stored("payload", record);
            assertThat(record.value()).isEqualTo(payload);
            LearnstackEvent event = json.readValue(payload,
                    EventTypes.classOf(header(record, EventTypes.TYPE_HEADER)).orElseThrow());
            assertThat(json.writeValueAsBytes(event)).isEqualTo(payload);
            assertThat(header(record, EventTypes.REVISION_HEADER)).isEqualTo("1");
            assertThat(new String(stored("metaData", record), StandardCharsets.UTF_8))
                    .contains("\"partitionKey\":\"demo|mbox:mailto:grace@example.org\"");
            assertThat(record.key()).isEqualTo(event.partitionKey());
        }
    }

    @Test
    void aBatchIsAnsweredWithItsIdsInOrderAndStatementsWithoutIdGetOne() {
        String first = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();

        ResponseEntity<String> response = post(http, "[" + statement(first, "mailto:a@example.org", "completed", null) + ","
                + statement(null, "mailto:b@example.org", "launched", null) + ","
                + statement(third, "mailto:c@example.org", "failed", 0.2) + "]");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).startsWith("[\"" + first + "\",\"").endsWith("\",\"" + third + "\"]");
    }

    @Nested
    class Refusals {

        @Test
        void aBatchWithOneInvalidStatementIsRefusedWholeAndNothingIsStored() {
            String valid = UUID.randomUUID().toString();
            String invalid = statement(UUID.randomUUID().toString(), "ada@example.org", "passed", null);

            ResponseEntity<String> response = post(http, "[" + statement(valid, "mailto:a@example.org", "passed", null)
                    + "," + invalid + "]");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("statement[1]").contains("mbox");
            assertThat(eventsOf(valid)).isZero();
        }

        @Test
        void aMultipartBodyWithoutBoundaryIsABadRequestNotAServerError() {
            HttpHeaders multipart = headers();
            multipart.set(HttpHeaders.CONTENT_TYPE, "multipart/mixed");

            ResponseEntity<String> response = http.exchange("/xapi/statements", HttpMethod.POST,
                    new HttpEntity<>("--x\r\nContent-Type: application/json\r\n\r\n{}\r\n--x--", multipart), String.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        }

        @Test
        void theSameIdTwiceInOneBatchIsRefused() {
            String id = UUID.randomUUID().toString();
            String statement = statement(id, "mailto:a@example.org", "passed", null);

            ResponseEntity<String> response = post(http, "[" + statement + "," + statement + "]");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(eventsOf(id)).isZero();
        }

        @Test
        void aStatementSentAgainIsAcceptedOnceAndOtherContentUnderItsIdIsAConflict() {
            String id = UUID.randomUUID().toString();
            assertThat(post(http, statement(id, "mailto:a@example.org", "passed", 0.5)).getStatusCode()).isEqualTo(HttpStatus.OK);

            ResponseEntity<String> again = post(http, statement(id, "mailto:a@example.org", "passed", 0.5));
            ResponseEntity<String> other = post(http, statement(id, "mailto:a@example.org", "passed", 0.6));

            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(eventsOf(id)).isEqualTo(2);
        }

        @Test
        void aConflictInsideABatchStoresNothingOfTheBatch() {
            String taken = UUID.randomUUID().toString();
            String fresh = UUID.randomUUID().toString();
            post(http, statement(taken, "mailto:a@example.org", "passed", 0.5));

            ResponseEntity<String> response = post(http, "[" + statement(fresh, "mailto:a@example.org", "passed", null) + ","
                    + statement(taken, "mailto:a@example.org", "passed", 0.9) + "]");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(eventsOf(fresh)).isZero();
        }

        @Test
        void malformedJsonAMissingVersionAndMissingCredentialsAreRefused() {
            assertThat(post(http, "{\"actor\":").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

            HttpHeaders noVersion = headers();
            noVersion.remove("X-Experience-API-Version");
            assertThat(http.exchange("/xapi/statements", HttpMethod.POST,
                    new HttpEntity<>(statement(null, "mailto:a@example.org", "passed", null), noVersion), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

            HttpHeaders wrongSecret = headers();
            wrongSecret.setBasicAuth("demo", "wrong");
            assertThat(http.exchange("/xapi/statements", HttpMethod.POST,
                    new HttpEntity<>(statement(null, "mailto:a@example.org", "passed", null), wrongSecret), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Nested
    class Voiding {

        @Test
        void aVoidingStatementVoidsItsTargetOnce() {
            String target = UUID.randomUUID().toString();
            String voiding = UUID.randomUUID().toString();
            post(http, statement(target, "mailto:void@example.org", "passed", 0.4));

            ResponseEntity<String> response = post(http, voiding(voiding, target));
            ResponseEntity<String> again = post(http, voiding(UUID.randomUUID().toString(), target));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(payloadTypesOf(target)).containsExactly("io.learnstack.events.StatementRecorded",
                    "io.learnstack.events.AssessmentSubmitted", "io.learnstack.events.StatementVoided");
        }

        @Test
        void aStatementAndItsVoidingInOneBatchAreBothStored() {
            String target = UUID.randomUUID().toString();

            ResponseEntity<String> response = post(http, "[" + statement(target, "mailto:void@example.org", "passed", null)
                    + "," + voiding(UUID.randomUUID().toString(), target) + "]");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(payloadTypesOf(target)).endsWith("io.learnstack.events.StatementVoided");
        }

        @Test
        void voidingAVoidingStatementIsRefusedAndStoresNothing() {
            String target = UUID.randomUUID().toString();
            String firstVoiding = UUID.randomUUID().toString();
            String secondVoiding = UUID.randomUUID().toString();
            post(http, statement(target, "mailto:void@example.org", "passed", null));
            post(http, voiding(firstVoiding, target));

            ResponseEntity<String> response = post(http, voiding(secondVoiding, firstVoiding));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("voiding statement");
            assertThat(eventsOf(secondVoiding)).isZero();
        }

        @Test
        void aVoidingStatementWhoseTargetIsUnknownIsStoredAndVoidsNothing() {
            String unknown = UUID.randomUUID().toString();
            String voiding = UUID.randomUUID().toString();

            ResponseEntity<String> response = post(http, voiding(voiding, unknown));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(eventsOf(voiding)).isEqualTo(1);
            assertThat(eventsOf(unknown)).isZero();
        }

        private List<String> payloadTypesOf(String statementId) {
            return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                    + " ORDER BY sequenceNumber", String.class, "demo/" + statementId);
        }

        private String voiding(String id, String target) {
            return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:admin@rto.example\"},"
                    + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                    + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
        }
    }

    @Nested
    class ConcurrentWriters {

        @Test
        void theSameNewStatementSentAtOnceByManyClientsIsStoredOnce() throws Exception {
            String id = UUID.randomUUID().toString();
            String statement = statement(id, "mailto:race@example.org", "passed", 0.7);

            List<HttpStatus> answers = inParallel(8, () -> post(http, statement));

            assertThat(answers).containsOnly(HttpStatus.OK);
            assertThat(eventsOf(id)).isEqualTo(2);
        }

        @Test
        void differentContentSentAtOnceUnderOneNewIdIsStoredOnceAndTheRestAreConflicts() throws Exception {
            String id = UUID.randomUUID().toString();
            AtomicInteger score = new AtomicInteger();

            List<HttpStatus> answers = inParallel(8,
                    () -> post(http, statement(id, "mailto:race@example.org", "passed", score.incrementAndGet() / 10.0)));

            assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(1);
            assertThat(answers).filteredOn(HttpStatus.CONFLICT::equals).hasSize(7);
            assertThat(eventsOf(id)).isEqualTo(2);
        }
    }

    @Nested
    class Put {

        @Test
        void aStatementIsStoredUnderTheGivenIdWithNoContent() {
            String id = UUID.randomUUID().toString();

            ResponseEntity<String> response = put(id, statement(null, "mailto:a@example.org", "completed", null));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(eventsOf(id)).isEqualTo(2);
        }

        @Test
        void anIdInTheBodyThatDiffersFromTheParameterIsRefused() {
            ResponseEntity<String> response = put(UUID.randomUUID().toString(),
                    statement(UUID.randomUUID().toString(), "mailto:a@example.org", "completed", null));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        }

        @Test
        void aPutWithoutStatementIdIsRefused() {
            assertThat(put(null, statement(null, "mailto:a@example.org", "completed", null)).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitPublished(String statementId, int count) {
        return published.awaitDistinct(record -> new String(record.value(), StandardCharsets.UTF_8)
                .contains("\"statementId\":\"" + statementId + "\""), count);
    }

    private byte[] stored(String column, ConsumerRecord<String, byte[]> record) {
        return jdbc.queryForObject("SELECT " + column + " FROM DomainEventEntry WHERE eventIdentifier = ?",
                byte[].class, header(record, EventTypes.ID_HEADER));
    }

    private int eventsOf(String statementId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, "demo/" + statementId);
    }

    private ResponseEntity<String> put(String statementId, String body) {
        String url = statementId == null ? "/xapi/statements" : "/xapi/statements?statementId=" + statementId;
        return http.exchange(url, HttpMethod.PUT, new HttpEntity<>(body, headers()), String.class);
    }
}
