package io.learnstack.projector.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.events.EventTypes;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The projector's readiness against the real broker and read-model server: not ready while the read
 * models trail the bus beyond the bound, ready again once it has caught up; alive throughout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionReadinessIntegrationTest {

    private static final String TOPIC = "projector-readiness-it-" + UUID.randomUUID();
    private static final int MAX_LAG = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> TOPIC);
        registry.add("spring.data.mongodb.uri", () -> {
            String uri = infrastructure.mongoUri();
            return uri.substring(0, uri.lastIndexOf('/') + 1) + TOPIC;
        });
        registry.add("learnstack.projector.topic", () -> TOPIC);
        registry.add("learnstack.projector.dead-letter-topic", () -> TOPIC + ".dead-letters");
        registry.add("learnstack.projector.partitions", () -> 1);
        registry.add("learnstack.projector.readiness.max-lag", () -> MAX_LAG);
        registry.add("learnstack.projector.lag-interval", () -> "200ms");
    }

    @Test
    void notReadyWhileTheReadModelsTrailTheBusBeyondTheBoundReadyOnceCaughtUp() throws Exception {
        // given
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(probe("readiness").path("status").asText())
                .isEqualTo("UP"));
        MessageListenerContainer container = listeners.getListenerContainer(ProjectionHealthIndicator.LISTENER_ID);
        container.pause();

        // when
        sendRecords(MAX_LAG + 3);

        // then
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode readiness = probe("readiness");
            assertThat(readiness.path("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.at("/components/projection/details/lag").asLong()).isEqualTo(MAX_LAG + 3);
            assertThat(readiness.at("/components/projection/details/lagByPartition/0").asLong())
                    .isEqualTo(MAX_LAG + 3);
        });
        assertThat(probe("liveness").path("status").asText()).isEqualTo("UP");

        // when
        container.resume();

        // then
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode readiness = probe("readiness");
            assertThat(readiness.path("status").asText()).isEqualTo("UP");
            assertThat(readiness.at("/components/projection/details/lag").asLong()).isZero();
        });
    }

    private JsonNode probe(String group) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/" + group)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    /** Records of a type the projector skips: they count on the bus and in the progress, and touch no read model. */
    private static void sendRecords(int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, 0, "key-" + i,
                        "{}".getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventTypes.TYPE_HEADER, "NotAnEventOfThisVersion".getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventTypes.TIME_HEADER, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }
}
