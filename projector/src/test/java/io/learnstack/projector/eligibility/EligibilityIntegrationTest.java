package io.learnstack.projector.eligibility;

import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_A;
import static io.learnstack.projector.eligibility.EligibilityFixtures.completed;
import static io.learnstack.projector.eligibility.EligibilityFixtures.day;
import static io.learnstack.projector.eligibility.EligibilityFixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;

import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.EventTypes;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The projector against the real broker and read-model server: catalogue and learner events from the
 * topic make a learner eligible, the issuance request reaches a stub of the command service, and the
 * award it answers with makes the learner's status issued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EligibilityIntegrationTest {

    private static final String TOPIC = "eligibility-it-" + UUID.randomUUID();
    private static final String TENANT = "demo";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<JsonNode> POSTED = new CopyOnWriteArrayList<>();
    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();

    private static HttpServer commandService;
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    private ObjectMapper json;
    @Autowired
    private MongoDatabase readModels;

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
        registry.add("learnstack.projector.partitions", () -> 2);
        registry.add("learnstack.issuance.command-uri", () -> "http://127.0.0.1:" + commandService().getAddress().getPort());
        // Far beyond the test's patience: requests must go out because the projection recorded them.
        registry.add("learnstack.issuance.poll-interval", () -> "10m");
        registry.add("learnstack.internal.token", () -> "it-token");
    }

    private static synchronized HttpServer commandService() {
        if (commandService == null) {
            try {
                commandService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            commandService.createContext("/internal/awards", exchange -> {
                POSTED.add(new ObjectMapper().readTree(exchange.getRequestBody()));
                TOKENS.add(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{\"awardId\":\"award-it\",\"url\":\"http://127.0.0.1/credentials/award-it\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            commandService.start();
        }
        return commandService;
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void stop() {
        producer.close();
        commandService.stop(0);
    }

    @Test
    void aLearnerBecomesEligibleIsIssuedAutomaticallyAndHoldsTheAward() throws Exception {
        // given
        String learner = "mbox:mailto:" + UUID.randomUUID() + "@example.org";
        CredentialDefinition unit = definition("unit-it", 1, completed(UNIT_A), "P3Y",
                CredentialDefinition.IssuancePolicy.AUTOMATIC);

        // when: the learner's completion may arrive before the definition, on another partition
        send(new CompletionRecorded(TENANT, UUID.randomUUID().toString(), learner, UNIT_A, null, true, day(1)));
        send(new CredentialDefined(TENANT, unit, day(0)));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(POSTED).anySatisfy(body -> {
            assertThat(body.path("tenant").asText()).isEqualTo(TENANT);
            assertThat(body.path("learnerKey").asText()).isEqualTo(learner);
            assertThat(body.path("credentialId").asText()).isEqualTo("unit-it");
            assertThat(body.path("eligibleAt").asText()).isEqualTo(day(1).toString());
        }));
        assertThat(TOKENS).contains("Bearer it-token");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Document request = readModels.getCollection(IssuanceOutbox.COLLECTION)
                    .find(new Document("_id", IssuanceOutbox.id(TENANT, learner, "unit-it", day(1)))).first();
            assertThat(request).isNotNull();
            assertThat(request.getString("state")).isEqualTo("done");
        });

        // when: the award the command service made arrives
        send(new CredentialIssued(TENANT, "award-it", learner, "unit-it", 1, null, day(1), day(2), day(1097), "jwt"));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> {
            Document row = CredentialBuckets.read(readModels.getCollection(CredentialBuckets.COLLECTION), TENANT,
                    "unit-it").get("rows", Document.class).get(CredentialBuckets.field(learner), Document.class);
            assertThat(row.getString("status")).isEqualTo("issued");
            assertThat(row.getString("validUntil")).isEqualTo(day(1097).toString());
        });
    }

    private void send(LearnstackEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, event.partitionKey(),
                json.writeValueAsBytes(event));
        record.headers().add(EventTypes.TYPE_HEADER, EventTypes.nameOf(event).getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
