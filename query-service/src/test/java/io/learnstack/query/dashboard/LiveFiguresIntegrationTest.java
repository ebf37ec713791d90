package io.learnstack.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.learnstack.testsupport.LocalInfrastructure;

/** The live figures read from a real broker: a topic of this test's own and a consumer group's commits. */
class LiveFiguresIntegrationTest {

    private final String bootstrap = LocalInfrastructure.shared().kafkaBootstrapServers();
    private final String topic = "live-it-" + UUID.randomUUID();
    private final String group = "live-it-group-" + UUID.randomUUID();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private Admin admin;
    private LiveFigures figures;

    @BeforeEach
    void createTopic() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        figures = new LiveFigures(admin, topic, new DashboardProperties(group, Duration.ofSeconds(60)), clock);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void measuresTheRateOfNewRecordsAndWhatTheGroupHasNotCommitted() throws Exception {
        // given: 10 records on each partition, of which the group has committed 4 on partition 0 only
        produce(10);
        commit(Map.of(0, 4L));
        figures.sample();

        // when: 30 more per partition arrive within 20 s
        produce(30);
        clock.advance(Duration.ofSeconds(20));
        figures.sample();
        LiveFigures.Live live = figures.current();

        // then
        assertThat(live.statementsPerSecond()).isCloseTo(60 / 20.0, within(1e-9));
        assertThat(live.projectionLag()).isEqualTo((40 - 4) + 40);
        assertThat(live.at()).isEqualTo(clock.instant());
    }

    @Test
    void aTopicWithoutRecordsAndAGroupWithoutCommitsIsNeitherBusyNorBehind() {
        LiveFigures.Live live = figures.current();

        assertThat(live.statementsPerSecond()).isZero();
        assertThat(live.projectionLag()).isZero();
    }

    private void produce(int perPartition) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < perPartition; i++) {
                for (int partition = 0; partition < 2; partition++) {
                    producer.send(new ProducerRecord<>(topic, partition, "k", "v")).get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private void commit(Map<Integer, Long> offsets) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("group.id", group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
            offsets.forEach((partition, offset) -> commits.put(new TopicPartition(topic, partition),
                    new OffsetAndMetadata(offset)));
            consumer.commitSync(commits, Duration.ofSeconds(30));
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
