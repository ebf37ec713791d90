package io.learnstack.command.statements;

import static io.learnstack.command.PublishedEvents.header;
import static io.learnstack.command.XapiRequests.headers;
import static io.learnstack.command.XapiRequests.statement;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.PublishedEvents;
import io.learnstack.events.EventTypes;

/**
 * Statements with attachment contents in multipart/mixed requests, against the real event-store server
 * and Kafka broker: the contents are stored once per tenant and hash with the statements, and reach the
 * bus even when larger than Kafka's default message size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "learnstack.statements.max-request-size=3MB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementAttachmentsIntegrationTest {

    private static final String BOUNDARY = "-------314159265358979323846";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        published = new PublishedEvents("attachments-test");
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void aStatementAndItsAttachmentAreStoredTogetherAndTheContentOnce() throws Exception {
        // given: content no other test sends
        byte[] content = ("a certificate of completion " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha2 = sha256(content);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        // when: two statements refer to it, in two requests
        ResponseEntity<String> stored = post(multipart(withAttachment(first, sha2, content.length), content, sha2));
        ResponseEntity<String> again = post(multipart(withAttachment(second, sha2, content.length), content, sha2));

        // then
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stored.getBody()).isEqualTo("[\"" + first + "\"]");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(eventsOf("demo/" + first)).isNotZero();
        assertThat(eventsOf("demo/" + second)).isNotZero();
        assertThat(eventsOf("demo|attachment:" + sha2)).isEqualTo(1);
        ConsumerRecord<String, byte[]> record = awaitAttachmentPublished(sha2);
        assertThat(record.key()).isEqualTo("demo|attachment:" + sha2);
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("content").binaryValue()).isEqualTo(content);
        assertThat(event.get("contentType").asText()).isEqualTo("text/plain");
    }

    @Test
    void contentLargerThanKafkasDefaultMessageSizeReachesTheBus() throws Exception {
        // given: 2 MB, twice Kafka's default limit once base64-encoded in the event
        byte[] content = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(content);
        String sha2 = sha256(content);

        // when
        ResponseEntity<String> response = post(multipart(withAttachment(UUID.randomUUID().toString(), sha2,
                content.length), content, sha2));

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        ConsumerRecord<String, byte[]> record = awaitAttachmentPublished(sha2);
        assertThat(JSON.readTree(record.value()).get("content").binaryValue()).isEqualTo(content);
    }

    @Test
    void aPutTakesItsStatementsAttachmentToo() {
        byte[] content = ("put " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha2 = sha256(content);
        String id = UUID.randomUUID().toString();

        ResponseEntity<String> response = http.exchange("/xapi/statements?statementId=" + id, HttpMethod.PUT,
                new HttpEntity<>(multipart(withAttachment(null, sha2, content.length), content, sha2), multipartHeaders()),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventsOf("demo/" + id)).isNotZero();
        assertThat(eventsOf("demo|attachment:" + sha2)).isEqualTo(1);
    }

    @Nested
    class Refusals {

        @Test
        void anAttachmentWithoutItsPartStoresNothing() {
            byte[] content = ("missing " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String id = UUID.randomUUID().toString();
            String body = "--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n"
                    + withAttachment(id, sha256(content), content.length) + "\r\n--" + BOUNDARY + "--\r\n";

            ResponseEntity<String> response = post(body.getBytes(StandardCharsets.UTF_8));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("X-Experience-API-Hash " + sha256(content));
            assertThat(eventsOf("demo/" + id)).isZero();
        }

        @Test
        void contentThatDoesNotHashToItsHeaderStoresNothing() {
            byte[] content = ("tampered " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String sha2 = sha256(content);
            String id = UUID.randomUUID().toString();
            byte[] other = "something else".getBytes(StandardCharsets.UTF_8);

            ResponseEntity<String> response = post(multipart(withAttachment(id, sha2, content.length), other, sha2));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(eventsOf("demo/" + id)).isZero();
            assertThat(eventsOf("demo|attachment:" + sha2)).isZero();
        }

        @Test
        void aMultipartFormDataRequestIsRefused() {
            HttpHeaders form = headers();
            form.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + BOUNDARY);
            byte[] content = "x".getBytes(StandardCharsets.UTF_8);
            String sha2 = sha256(content);

            ResponseEntity<String> response = http.exchange("/xapi/statements", HttpMethod.POST,
                    new HttpEntity<>(multipart(withAttachment(null, sha2, 1), content, sha2), form), String.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("multipart/mixed");
        }

        @Test
        void aBodyAboveTheLimitIsTooLarge() {
            byte[] content = new byte[3 * 1024 * 1024 + 1];
            String sha2 = sha256(content);

            ResponseEntity<String> response = post(multipart(withAttachment(null, sha2, content.length), content, sha2));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(eventsOf("demo|attachment:" + sha2)).isZero();
        }
    }

    private ResponseEntity<String> post(byte[] body) {
        return http.exchange("/xapi/statements", HttpMethod.POST, new HttpEntity<>(body, multipartHeaders()),
                String.class);
    }

    private static HttpHeaders multipartHeaders() {
        HttpHeaders headers = headers();
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/mixed; boundary=" + BOUNDARY);
        return headers;
    }

    private static String withAttachment(String id, String sha2, int length) {
        String statement = statement(id, "mailto:ada@example.org", "completed", null);
        return statement.substring(0, statement.length() - 1) + ",\"attachments\":[{"
                + "\"usageType\":\"https://rto.example/usage/certificate\",\"display\":{\"en-AU\":\"certificate\"},"
                + "\"contentType\":\"text/plain\",\"length\":" + length + ",\"sha2\":\"" + sha2 + "\"}]}";
    }

    private static byte[] multipart(String statements, byte[] content, String sha2) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + statements + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: " + sha2 + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private ConsumerRecord<String, byte[]> awaitAttachmentPublished(String sha2) {
        String key = "demo|attachment:" + sha2;
        return published.awaitFirst(record -> key.equals(record.key())
                && "AttachmentStored".equals(header(record, EventTypes.TYPE_HEADER)));
    }

    private int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, aggregateId);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
