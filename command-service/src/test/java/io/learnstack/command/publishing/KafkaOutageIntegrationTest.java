package io.learnstack.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.XapiRequests;
import io.learnstack.testsupport.KafkaBrokerProcess;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The event store is the outbox: a statement accepted while Kafka is down is kept, and published once
 * Kafka is back, with no help from the client. Meanwhile the service is alive but not ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "learnstack.publishing.await-timeout=1s", "learnstack.publishing.readiness.max-backlog=0" })
class KafkaOutageIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @Test
    void aStatementAcceptedWhileKafkaIsDownIsPublishedWhenKafkaReturns() {
        // given
        KafkaBrokerProcess kafka = LocalInfrastructure.shared().kafka();
        String id = UUID.randomUUID().toString();

        // when
        ResponseEntity<String> response;
        ResponseEntity<String> readinessDuringOutage;
        ResponseEntity<String> livenessDuringOutage;
        kafka.stop();
        try {
            response = XapiRequests.post(http, "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:outage@example.org\"},"
                    + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
                    + "\"object\":{\"id\":\"https://rto.example/units/HLTAID011\"}}");
            readinessDuringOutage = http.getForEntity("/actuator/health/readiness", String.class);
            livenessDuringOutage = http.getForEntity("/actuator/health/liveness", String.class);
        } finally {
            kafka.restart();
        }

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readinessDuringOutage.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readinessDuringOutage.getBody()).contains("\"outbox\"").contains("not on Kafka yet");
        assertThat(livenessDuringOutage.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK));
        try (KafkaConsumer<String, byte[]> consumer = XapiRequests.consumer(kafka.bootstrapServers(), "outage-test")) {
            consumer.subscribe(List.of(XapiRequests.TOPIC));
            StringBuilder seen = new StringBuilder();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(record -> seen.append(new String(record.value(), StandardCharsets.UTF_8)));
                assertThat(seen.toString()).contains("\"statementId\":\"" + id + "\"");
            });
        }
    }
}
