package io.learnstack.query.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.learnstack.query.consistency.ConsistencyProperties;

/**
 * Samples the event topic's end offsets and the projector's committed offsets at a fixed pace, so a
 * dashboard poll costs no round trip to Kafka and every instance answers from the same kind of window.
 */
@Component
class LiveFigures {

    private static final Logger log = LoggerFactory.getLogger(LiveFigures.class);
    private static final long TIMEOUT_MILLIS = 3000;

    private final Admin kafka;
    private final String topic;
    private final DashboardProperties properties;
    private final Clock clock;
    private final IngestionWindow window;
    private volatile Live latest;
    private volatile String unavailable = "not sampled yet";

    @Autowired
    LiveFigures(Admin kafka, ConsistencyProperties consistency, DashboardProperties properties) {
        this(kafka, consistency.topic(), properties, Clock.systemUTC());
    }

    LiveFigures(Admin kafka, String topic, DashboardProperties properties, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
        this.window = new IngestionWindow(properties.rateWindow());
    }

    /** What the live panel shows. */
    record Live(double statementsPerSecond, long projectionLag, Instant at) {
    }

    @Scheduled(fixedDelayString = "${learnstack.dashboard.sample-interval:PT2S}")
    void sample() {
        try {
            Instant at = clock.instant();
            Map<Integer, Long> ends = endOffsets();
            Map<Integer, Long> committed = committedOffsets();
            window.add(new IngestionWindow.Sample(at,
                    ends.values().stream().mapToLong(Long::longValue).sum()));
            latest = new Live(window.perSecond(), IngestionWindow.lag(ends, committed), at);
            unavailable = null;
        } catch (Exception e) {
            if (unavailable == null) {
                log.warn("cannot sample the offsets of {}: {}", topic, e.toString());
            }
            unavailable = e instanceof InterruptedException ? "interrupted" : String.valueOf(e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The newest figures, sampling now if none were taken yet; empty while Kafka cannot be read. */
    Live current() {
        if (latest == null) {
            sample();
        }
        if (latest == null) {
            throw new LiveFiguresUnavailable("the event topic's offsets cannot be read yet: " + unavailable);
        }
        return latest;
    }

    private Map<Integer, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions = kafka.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, OffsetSpec> latestOffsets = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<Integer, Long> ends = new HashMap<>();
        kafka.listOffsets(latestOffsets).all().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    private Map<Integer, Long> committedOffsets() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = kafka
                .listConsumerGroupOffsets(Map.of(properties.projectorGroup(), new ListConsumerGroupOffsetsSpec()))
                .partitionsToOffsetAndMetadata(properties.projectorGroup())
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Map<Integer, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                committed.put(partition.partition(), offset.offset());
            }
        });
        return committed;
    }
}
