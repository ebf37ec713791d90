package io.learnstack.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the broker and the two database servers take when written to directly, with the same payloads, on
 * the same machine and in the same run: the ceilings the system's figures are compared with. Each writes
 * to a scratch topic, database or table of its own, removed afterwards.
 */
final class Limits {

    private final String scratch = "bench_scratch_" + System.currentTimeMillis();

    /**
     * Records per second a producer gets onto a scratch topic, with the system's producer settings
     * ({@code acks=all}, lz4), counted until the last is acknowledged.
     */
    double kafka(String bootstrapServers, List<Payload> payloads) throws Exception {
        String topic = "learnstack." + scratch;
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            try {
                Properties settings = new Properties();
                settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                settings.put(ProducerConfig.ACKS_CONFIG, "all");
                settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
                settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
                try (KafkaProducer<String, byte[]> producer =
                             new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
                    // The first send waits for metadata; that is not the broker's rate.
                    producer.send(new ProducerRecord<>(topic, "warm-up", new byte[1])).get();
                    long start = System.nanoTime();
                    for (Payload payload : payloads) {
                        producer.send(new ProducerRecord<>(topic, payload.learnerKey(),
                                payload.json().getBytes(StandardCharsets.UTF_8)));
                    }
                    producer.flush();
                    return Percentiles.perSecond(payloads.size(), System.nanoTime() - start);
                }
            } finally {
                topics.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /**
     * Documents per second {@code insertMany} gets into a scratch database, 100 at a time, documents shaped
     * like the statement read model's.
     */
    double readModel(String mongoUri, List<Payload> payloads) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase(scratch);
            try {
                MongoCollection<Document> statements = database.getCollection("statements");
                statements.insertOne(new Document("_id", "warm-up"));
                Date stored = Date.from(Instant.now());
                long start = System.nanoTime();
                for (int from = 0; from < payloads.size(); from += 100) {
                    List<Document> documents = new ArrayList<>(100);
                    for (Payload payload : payloads.subList(from, Math.min(from + 100, payloads.size()))) {
                        documents.add(new Document("_id", "demo|" + payload.id())
                                .append("tenant", "demo")
                                .append("statementId", payload.id())
                                .append("stored", stored)
                                .append("learnerKey", payload.learnerKey())
                                .append("verbId", payload.verbId())
                                .append("objectId", payload.objectId())
                                .append("voided", false)
                                .append("json", payload.json()));
                    }
                    statements.insertMany(documents);
                }
                return Percentiles.perSecond(payloads.size(), System.nanoTime() - start);
            } finally {
                database.drop();
            }
        }
    }

    /**
     * Rows per second plain JDBC inserts get into a scratch table shaped like the event store's, in
     * transactions of 100. On H2 the event table has no unique index on the event identifier (see the
     * command service's schema), and neither has the scratch table.
     */
    double eventStore(String jdbcUrl, String user, String password, List<Payload> payloads) throws SQLException {
        String table = scratch.toUpperCase();
        String eventIdentifier = jdbcUrl.startsWith("jdbc:h2:") ? "varchar(36) not null" : "varchar(36) not null unique";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table " + table + " (global_index bigint auto_increment primary key,"
                        + " event_identifier " + eventIdentifier + ", aggregate_identifier varchar(255) not null,"
                        + " sequence_number bigint not null, type varchar(255), time_stamp varchar(255) not null,"
                        + " payload_type varchar(255) not null, payload blob not null, meta_data blob,"
                        + " unique (aggregate_identifier, sequence_number))");
            }
            try {
                connection.setAutoCommit(false);
                String insert = "insert into " + table + " (event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload, meta_data) values (?, ?, 0, ?, ?, ?, ?, ?)";
                byte[] metaData = "{\"tenant\":\"demo\"}".getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                try (PreparedStatement rows = connection.prepareStatement(insert)) {
                    for (int i = 0; i < payloads.size(); i++) {
                        Payload payload = payloads.get(i);
                        rows.setString(1, UUID.randomUUID().toString());
                        rows.setString(2, "demo|" + payload.id());
                        rows.setString(3, "StatementAggregate");
                        rows.setString(4, Instant.now().toString());
                        rows.setString(5, "io.learnstack.events.StatementRecorded");
                        rows.setBytes(6, payload.json().getBytes(StandardCharsets.UTF_8));
                        rows.setBytes(7, metaData);
                        rows.addBatch();
                        if ((i + 1) % 100 == 0 || i == payloads.size() - 1) {
                            rows.executeBatch();
                            connection.commit();
                        }
                    }
                }
                return Percentiles.perSecond(payloads.size(), System.nanoTime() - start);
            } finally {
                connection.setAutoCommit(true);
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("drop table if exists " + table);
                }
            }
        }
    }
}
