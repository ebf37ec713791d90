package io.learnstack.projector.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.EventTypes;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.StatementRecorded;
import io.learnstack.projector.deadletters.DeadLetterTool;
import io.learnstack.projector.progress.ProjectionProgress;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The projector against the real broker and read-model server: a record that can never be applied is
 * set aside on the dead-letter topic, and the records after it on the same partition are still applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DeadLetterIntegrationTest {

    private static final String TOPIC = "projector-it-" + UUID.randomUUID();
    private static final String DEAD_LETTERS = TOPIC + ".dead-letters";
    private static final String REFUSED = "refused-by-a-projection";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    private ObjectMapper json;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private MongoDatabase readModels;
    @Autowired
    private RecordingProjection recording;

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
        registry.add("learnstack.projector.dead-letter-topic", () -> DEAD_LETTERS);
        registry.add("learnstack.projector.partitions", () -> 1);
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @BeforeEach
    void refuseAsABugWould() {
        recording.refuse(true);
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndTheRecordsAroundItAreApplied() throws Exception {
        // given
        String key = "learner-" + UUID.randomUUID();
        StatementRecorded before = statement(UUID.randomUUID().toString());
        StatementRecorded after = statement(UUID.randomUUID().toString());
        byte[] poison = "{\"tenant\":\"demo\",\"statementId\":".getBytes(StandardCharsets.UTF_8);
        double deadLettersBefore = deadLetterCount();

        // when
        long first = send(key, "StatementRecorded", json.writeValueAsBytes(before));
        long poisonOffset = send(key, "StatementRecorded", poison);
        long last = send(key, "StatementRecorded", json.writeValueAsBytes(after));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recording.statementIds())
                .contains(before.statementId(), after.statementId()));
        assertThat(recording.statementIds()).containsSubsequence(before.statementId(), after.statementId());
        assertThat(readModels.getCollection("statements").countDocuments(new Document("_id",
                new Document("$in", List.of("demo/" + before.statementId(), "demo/" + after.statementId())))))
                .as("the real projections applied both").isEqualTo(2);
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(key);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, EventTypes.TYPE_HEADER)).isEqualTo("StatementRecorded");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value())
                .getInt()).isZero();
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                .getLong()).isEqualTo(poisonOffset);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo("com.fasterxml.jackson.core.io.JsonEOFException");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("end-of-input");
        assertThat(deadLetterCount() - deadLettersBefore).isEqualTo(1);
        assertThat(first).isLessThan(poisonOffset).isLessThan(last);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(nextOffset()).isGreaterThan(last));
    }

    @Test
    void anEventAProjectionRefusesIsDeadLetteredAndTheRecordsAroundItAreApplied() throws Exception {
        // given
        String key = "learner-" + UUID.randomUUID();
        StatementRecorded before = statement(UUID.randomUUID().toString());
        StatementRecorded refused = statement(REFUSED + "-" + UUID.randomUUID());
        StatementRecorded after = statement(UUID.randomUUID().toString());
        double deadLettersBefore = deadLetterCount();

        // when
        send(key, "StatementRecorded", json.writeValueAsBytes(before));
        long refusedOffset = send(key, "StatementRecorded", json.writeValueAsBytes(refused));
        send(key, "StatementRecorded", json.writeValueAsBytes(after));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recording.statementIds())
                .contains(before.statementId(), after.statementId()));
        assertThat(recording.statementIds()).doesNotContain(refused.statementId());
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(key);
        assertThat(json.readValue(deadLetter.value(), StatementRecorded.class)).isEqualTo(refused);
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                .getLong()).isEqualTo(refusedOffset);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains(refused.statementId());
        assertThat(deadLetterCount() - deadLettersBefore).isEqualTo(1);
    }

    @Test
    void aDeadLetterReplayedAfterTheFixIsApplied() throws Exception {
        // given
        String key = "learner-" + UUID.randomUUID();
        StatementRecorded refused = statement(REFUSED + "-" + UUID.randomUUID());
        send(key, "StatementRecorded", json.writeValueAsBytes(refused));
        deadLetterOf(key);
        recording.refuse(false);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadLetterTool tool = new DeadLetterTool(LocalInfrastructure.shared().kafkaBootstrapServers(), DEAD_LETTERS,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // when
        int listed = tool.list();
        int replayed = tool.replay("replay-" + UUID.randomUUID());

        // then
        assertThat(listed).isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("key=" + key + " type=StatementRecorded from="
                + TOPIC + "-0@").contains(IllegalArgumentException.class.getName()).contains(refused.statementId());
        assertThat(replayed).isEqualTo(listed);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recording.statementIds())
                .contains(refused.statementId()));
    }

    private long send(String key, String type, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, 0, key, value);
        record.headers().add(EventTypes.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventTypes.TIME_HEADER, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return producer.send(record).get().offset();
    }

    /** The single dead letter with this key, once it is there. */
    private static ConsumerRecord<String, byte[]> deadLetterOf(String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                assertThat(found).hasSize(1);
            });
        }
        return found.get(0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double deadLetterCount() {
        Counter counter = meters.find(DeadLetters.METER).tag("type", "StatementRecorded").counter();
        return counter == null ? 0 : counter.count();
    }

    private long nextOffset() {
        Document progress = readModels.getCollection(ProjectionProgress.COLLECTION)
                .find(new Document("_id", ProjectionProgress.documentId(TOPIC, 0))).first();
        return progress == null ? -1 : ((Number) progress.get("nextOffset")).longValue();
    }

    private static StatementRecorded statement(String id) {
        String learner = "mailto:ada@example.org";
        String verb = "http://adlnet.gov/expapi/verbs/completed";
        String unit = "https://rto.example/units/HLTAID011";
        Instant stored = Instant.parse("2026-11-24T09:00:01.250Z");
        String statement = "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"" + learner + "\"},"
                + "\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"id\":\"" + unit + "\"},"
                + "\"stored\":\"" + stored + "\"}";
        return new StatementRecorded("demo", id, "mbox:" + learner, verb, "Activity", unit, null,
                stored.minusSeconds(5), stored, statement);
    }

    /** Sees what reaches the projections, and refuses a statement whose id says so, as a bug would. */
    static class RecordingProjection implements Projection {

        private final List<String> statementIds = new CopyOnWriteArrayList<>();
        private volatile boolean refuse = true;

        @Override
        public void apply(List<Envelope> batch) {
            for (Envelope envelope : batch) {
                LearnstackEvent event = envelope.event();
                if (refuse && event instanceof StatementRecorded recorded
                        && recorded.statementId().startsWith(REFUSED)) {
                    throw new IllegalArgumentException("cannot apply statement " + recorded.statementId());
                }
            }
            batch.forEach(envelope -> {
                if (envelope.event() instanceof StatementRecorded recorded) {
                    statementIds.add(recorded.statementId());
                }
            });
        }

        @Override
        public Set<String> collections() {
            return Set.of();
        }

        void refuse(boolean refuse) {
            this.refuse = refuse;
        }

        List<String> statementIds() {
            return statementIds;
        }
    }

    @TestConfiguration
    static class Recording {

        @Bean
        RecordingProjection recordingProjection() {
            return new RecordingProjection();
        }
    }
}
