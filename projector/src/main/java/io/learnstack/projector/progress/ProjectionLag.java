package io.learnstack.projector.progress;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * Publishes how far the read models trail the bus: records on the topic that no projector instance has
 * applied yet. It compares the log end with the recorded progress, so it counts the whole consumer
 * group's lag, whichever instance holds which partition.
 */
@Component
class ProjectionLag {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);

    private final Admin admin;
    private final MongoCollection<Document> progress;
    private final String topic;
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile Map<Integer, Long> behindByPartition;

    ProjectionLag(KafkaAdmin kafkaAdmin, MongoDatabase readModels, @Value("${learnstack.projector.topic}") String topic,
            MeterRegistry meters) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.progress = readModels.getCollection(ProjectionProgress.COLLECTION);
        this.topic = topic;
        Gauge.builder("learnstack.projection.lag", lag, AtomicLong::get)
                .description("records on the bus not yet applied to the read models (-1 while unknown)")
                .baseUnit("records").register(meters);
    }

    @Scheduled(fixedDelayString = "${learnstack.projector.lag-interval:5s}")
    void measure() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<String, Long> applied = new HashMap<>();
            progress.find().forEach(document -> applied.put(document.getString("_id"),
                    document.get("nextOffset", Number.class).longValue()));
            Map<Integer, Long> behind = new TreeMap<>();
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, end) -> behind.put(
                    partition.partition(), Math.max(0, end.offset() - applied.getOrDefault(
                            ProjectionProgress.documentId(topic, partition.partition()), 0L))));
            behindByPartition = Collections.unmodifiableMap(behind);
            lag.set(behind.values().stream().mapToLong(Long::longValue).sum());
        } catch (Exception unavailable) {
            log.debug("projection lag unknown: {}", unavailable.toString());
            behindByPartition = null;
            lag.set(-1);
        }
    }

    /** Records not yet applied per partition at the last measurement; empty while unknown. */
    Optional<Map<Integer, Long>> behindByPartition() {
        return Optional.ofNullable(behindByPartition);
    }

    /** Bounded: with the broker gone, an unbounded close waits out every pending call and holds up the shutdown. */
    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
