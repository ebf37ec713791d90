package io.learnstack.query.consistency;

import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Read-your-writes across services: a write is answered once its events are on the bus, so a read
 * that waits until the projections have applied everything that was on the bus when the read began
 * sees every write answered before it. The wait is bounded; past it the read answers from what the
 * projections have, and says how current that is.
 */
@Component
public class ReadBarrier {

    /** The projector's progress collection, one document per topic partition. */
    static final String PROGRESS = "projection_progress";

    private static final Logger log = LoggerFactory.getLogger(ReadBarrier.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Admin kafka;
    private final MongoCollection<Document> progress;
    private final ConsistencyProperties properties;
    private final Timer waits;
    private volatile List<TopicPartition> partitions = List.of();

    ReadBarrier(Admin kafka, MongoDatabase readModels, ConsistencyProperties properties, MeterRegistry meters) {
        this.kafka = kafka;
        this.progress = readModels.getCollection(PROGRESS);
        this.properties = properties;
        this.waits = meters.timer("learnstack.read.consistency.wait");
    }

    /** Waits until the read models have caught up with the bus as it is now, or the timeout passes. */
    public Consistency await() {
        Instant start = Instant.now();
        long begun = System.nanoTime();
        long deadline = begun + properties.timeout().toNanos();
        Map<String, Long> logEnds;
        try {
            logEnds = logEnds(properties.timeout());
        } catch (Exception unavailable) {
            log.warn("cannot read the log end from Kafka; answering from the read models as they are: {}",
                    unavailable.toString());
            return new Consistency(false, appliedThrough(Map.of()));
        }
        Map<String, Document> applied = appliedProgress(logEnds);
        while (!caughtUp(logEnds, applied) && System.nanoTime() < deadline) {
            long pause = Math.min(POLL_NANOS, deadline - System.nanoTime());
            if (pause > 0) {
                LockSupport.parkNanos(pause);
            }
            applied = appliedProgress(logEnds);
        }
        waits.record(System.nanoTime() - begun, TimeUnit.NANOSECONDS);
        if (caughtUp(logEnds, applied)) {
            return new Consistency(true, start);
        }
        return new Consistency(false, appliedThrough(applied));
    }

    private Map<String, Long> logEnds(Duration timeout) throws Exception {
        List<TopicPartition> known = partitions;
        if (known.isEmpty()) {
            known = kafka.describeTopics(List.of(properties.topic())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(properties.topic()).partitions().stream()
                    .map(info -> new TopicPartition(properties.topic(), info.partition())).toList();
            partitions = known;
        }
        Map<TopicPartition, OffsetSpec> latest = known.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<String, Long> ends = new HashMap<>();
        kafka.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition.topic() + "|" + partition.partition(), info.offset()));
        return ends;
    }

    private Map<String, Document> appliedProgress(Map<String, Long> logEnds) {
        Map<String, Document> applied = new HashMap<>();
        List<String> ids = new ArrayList<>(logEnds.keySet());
        progress.find(in("_id", ids)).forEach(document -> applied.put(document.getString("_id"), document));
        return applied;
    }

    private static boolean caughtUp(Map<String, Long> logEnds, Map<String, Document> applied) {
        return logEnds.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (applied.containsKey(end.getKey())
                        && applied.get(end.getKey()).get("nextOffset", Number.class).longValue() >= end.getValue()));
    }

    /** The oldest point every partition has been applied through; unknown progress counts as nothing. */
    private Instant appliedThrough(Map<String, Document> applied) {
        Instant oldest = null;
        for (Document partition : applied.values()) {
            Date through = partition.getDate("appliedThrough");
            if (through != null && (oldest == null || through.toInstant().isBefore(oldest))) {
                oldest = through.toInstant();
            }
        }
        return oldest == null ? Instant.EPOCH : oldest;
    }
}
