package io.learnstack.projector.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import io.learnstack.projector.bus.Projection;
import io.learnstack.projector.progress.ProjectionProgress;

/**
 * Rebuilds every read model from the start of the topic: drops the projections' collections and their
 * progress, moves the consumer group back to offset 0, then starts consuming and reports how far it got
 * until it has caught up with the topic as it was when the rebuild began. The projector then goes on as
 * the live projector.
 * <p>
 * Runs when the projector starts with {@code learnstack.projector.rebuild=true}, which also keeps the
 * listener from starting on its own. Every other projector of the group must be stopped first: a
 * group with members cannot be moved back, and the rebuild refuses to start while any remain after
 * {@code learnstack.projector.rebuild-members-leave-within}.
 */
@Component
@ConditionalOnProperty(name = "learnstack.projector.rebuild", havingValue = "true")
class ReadModelRebuild implements ApplicationRunner {

    /** The listener container the projector consumes through. */
    static final String LISTENER_ID = "learnstack-projector";

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<Projection> projections;
    private final MongoDatabase readModels;
    private final KafkaAdmin kafkaAdmin;
    private final KafkaListenerEndpointRegistry listeners;
    private final String topic;
    private final String group;
    private final Duration reportEvery;
    private final Duration membersLeaveWithin;

    ReadModelRebuild(List<Projection> projections, MongoDatabase readModels, KafkaAdmin kafkaAdmin,
            KafkaListenerEndpointRegistry listeners, @Value("${learnstack.projector.topic}") String topic,
            @Value("${spring.kafka.consumer.group-id}") String group,
            @Value("${learnstack.projector.rebuild-report-every:2s}") Duration reportEvery,
            @Value("${learnstack.projector.rebuild-members-leave-within:60s}") Duration membersLeaveWithin) {
        this.projections = projections;
        this.readModels = readModels;
        this.kafkaAdmin = kafkaAdmin;
        this.listeners = listeners;
        this.topic = topic;
        this.group = group;
        this.reportEvery = reportEvery;
        this.membersLeaveWithin = membersLeaveWithin;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        Map<TopicPartition, Long> target;
        Set<String> dropped = new TreeSet<>();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            refuseWhileOthersConsume(admin);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            refuseWhenTheTopicLostEvents(offsets(admin, partitions, OffsetSpec.earliest()));
            target = offsets(admin, partitions, OffsetSpec.latest());
            projections.forEach(projection -> dropped.addAll(projection.collections()));
            dropped.add(ProjectionProgress.COLLECTION);
            dropped.forEach(collection -> readModels.getCollection(collection).drop());
            admin.alterConsumerGroupOffsets(group, partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> new OffsetAndMetadata(0))))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        long total = target.values().stream().mapToLong(Long::longValue).sum();
        log.info("rebuild: dropped {}; replaying {} records of {} from offset 0", dropped, total, topic);
        listeners.getListenerContainer(LISTENER_ID).start();
        report(target, total);
    }

    /**
     * A projector stopped just before may still be a member until its session times out (a killed one
     * sends no goodbye), so members are given that long to leave before the rebuild refuses.
     */
    private void refuseWhileOthersConsume(Admin admin) throws Exception {
        long deadline = System.nanoTime() + membersLeaveWithin.toNanos();
        while (true) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            int members = description.members().size();
            if (members == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild: " + members + " consumer(s) of group " + group
                        + " still consume; stop every projector before a rebuild");
            }
            log.info("rebuild: waiting for {} consumer(s) of group {} to leave", members, group);
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private void refuseWhenTheTopicLostEvents(Map<TopicPartition, Long> earliest) {
        earliest.forEach((partition, offset) -> {
            if (offset > 0) {
                throw new IllegalStateException("rebuild: " + partition + " starts at offset " + offset
                        + ", so the topic no longer holds every event; republish them from the event store "
                        + "(reset the kafka-publisher token) onto an empty topic first");
            }
        });
    }

    private Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Reports progress until every partition has been applied up to where it ended when the rebuild began. */
    private void report(Map<TopicPartition, Long> target, long total) {
        long started = System.nanoTime();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-progress");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleWithFixedDelay(() -> {
            try {
                long applied = applied(target);
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                if (applied >= total) {
                    log.info("rebuild: complete, {} records in {} s ({} records/s)", total,
                            String.format("%.1f", seconds), Math.round(total / seconds));
                    reporter.shutdown();
                } else {
                    log.info("rebuild: {} of {} records applied ({}%), {} records/s", applied, total,
                            total == 0 ? 100 : applied * 100 / total, Math.round(applied / seconds));
                }
            } catch (RuntimeException unavailable) {
                log.warn("rebuild: progress unknown for now: {}", unavailable.toString());
            }
        }, 0, reportEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private long applied(Map<TopicPartition, Long> target) {
        long applied = 0;
        for (Document partition : readModels.getCollection(ProjectionProgress.COLLECTION).find()) {
            String id = partition.getString("_id");
            for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
                if (ProjectionProgress.documentId(topic, end.getKey().partition()).equals(id)) {
                    applied += Math.min(end.getValue(), partition.get("nextOffset", Number.class).longValue());
                }
            }
        }
        return applied;
    }
}
