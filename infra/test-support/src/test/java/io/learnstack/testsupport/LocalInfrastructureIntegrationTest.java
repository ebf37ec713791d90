package io.learnstack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


class LocalInfrastructureIntegrationTest {

    private static LocalInfrastructure infrastructure;

    @BeforeAll
    static void startInfrastructure() {
        long started = System.nanoTime();
        infrastructure = LocalInfrastructure.shared();
        System.out.printf("Local infrastructure ready in %d ms: %s%n",
                (System.nanoTime() - started) / 1_000_000, infrastructure);
    }

    @Test
    void isOneInstancePerJvm() {
        assertThat(LocalInfrastructure.shared()).isSameAs(infrastructure);
        assertThat(infrastructure.kafka().isAlive()).isTrue();
        assertThat(infrastructure.eventStore().isAlive()).isTrue();
        assertThat(infrastructure.readModel().isAlive()).isTrue();
        assertThat(infrastructure.eventStoreJdbcUrl()).matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/learnstack-events");
        assertThat(infrastructure.mongoUri()).matches("mongodb://127\\.0\\.0\\.1:\\d+/learnstack");
        assertThat(infrastructure.kafkaBootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void carriesAKafkaRecordFromProducerToConsumer() throws Exception {
        String topic = "infrastructure-" + UUID.randomUUID();

        send(topic, "learner-1", "first");

        assertThat(consume(topic, 1)).containsExactly("learner-1=first");
    }

    @Test
    void keepsTopicsAndCommittedOffsetsAcrossABrokerRestart() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        send(topic, "learner-1", "before");
        String group = "group-" + UUID.randomUUID();
        assertThat(consume(topic, group, 1)).containsExactly("learner-1=before");

        infrastructure.kafka().restart();
        send(topic, "learner-1", "after");

        assertThat(consume(topic, group, 1)).containsExactly("learner-1=after");
    }

    @Test
    void storesARowInTheEventStore() throws Exception {
        String table = "PROBE_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        try (Connection connection = DriverManager.getConnection(infrastructure.eventStoreJdbcUrl(), "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
                statement.execute("CREATE TABLE " + table + " (id VARCHAR(36) PRIMARY KEY, payload VARCHAR(100))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                insert.setString(1, "event-1");
                insert.setString(2, "recorded");
                insert.executeUpdate();
            }
        }

        try (Connection connection = DriverManager.getConnection(infrastructure.eventStoreJdbcUrl(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payload FROM " + table + " WHERE id = 'event-1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("recorded");
        }
    }

    @Test
    void storesADocumentInTheReadModels() {
        String collection = "probe-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> documents = client.getDatabase("learnstack").getCollection(collection);

            documents.insertOne(new Document("_id", "learner-1").append("credits", 3));

            assertThat(documents.find(new Document("_id", "learner-1")).first())
                    .containsEntry("credits", 3);
        }
    }

    private static void send(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consume(String topic, int expected) {
        return consume(topic, "group-" + UUID.randomUUID(), expected);
    }

    private static List<String> consume(String topic, String group, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
                return received.size() >= expected;
            });
            consumer.commitSync();
        }
        return received;
    }
}
