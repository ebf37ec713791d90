package io.learnstack.projector.bus;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.EventTypes;
import io.learnstack.projector.progress.ProjectionProgress;

/**
 * Sets a record that can never be applied aside on the dead-letter topic: same key, same value, its own
 * headers plus the standard {@code kafka_dlt-*} headers saying where it came from and why it failed.
 * Then counts it, logs it, and moves the partition's progress past it, so reads waiting for the
 * projections to reach the end of the topic are not held up by a record that will never be applied.
 * <p>
 * If the dead-letter topic cannot be written, this throws and the error handler tries again: the record
 * is never dropped unseen.
 */
@Component
public class DeadLetters implements ConsumerRecordRecoverer {

    /** The meter counting dead-lettered records, tagged with their event type. */
    public static final String METER = "learnstack.projection.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final ProjectionProgress progress;
    private final MeterRegistry meters;
    private final String topic;

    DeadLetters(KafkaOperations<String, byte[]> deadLetterTemplate, ProjectionProgress progress, MeterRegistry meters,
            @Value("${learnstack.projector.dead-letter-topic}") String topic) {
        // Partition -1: the producer picks the partition by key, so the topic's partition count is free.
        this.publisher = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, failure) -> new TopicPartition(topic, -1));
        this.progress = progress;
        this.meters = meters;
        this.topic = topic;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        Exception cause = unwrap(failure);
        publisher.accept(record, cause);
        String type = typeOf(record);
        meters.counter(METER, "type", type).increment();
        log.error("dead-lettered {} record {}-{}@{} to {}: it can never be applied", type, record.topic(),
                record.partition(), record.offset(), topic, cause);
        ProjectionProgress.Applied position;
        try {
            position = EventDecoder.position(record);
        } catch (RuntimeException unreadableTime) {
            position = new ProjectionProgress.Applied(record.topic(), record.partition(), record.offset(),
                    new Date(record.timestamp()));
        }
        progress.recordApplied(Map.of(ProjectionProgress.documentId(record.topic(), record.partition()), position));
    }

    /** The projection's or decoder's own exception, so the headers name it rather than the wrappers. */
    private static Exception unwrap(Exception failure) {
        Throwable cause = failure;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException
                || cause instanceof PoisonRecordException) && cause.getCause() instanceof Exception inner) {
            cause = inner;
        }
        return (Exception) cause;
    }

    /** A known event type, or "unknown": a tag must not take whatever a header says. */
    private static String typeOf(ConsumerRecord<?, ?> record) {
        Header type = record.headers().lastHeader(EventTypes.TYPE_HEADER);
        if (type == null) {
            return "unknown";
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        return EventTypes.classOf(name).isPresent() ? name : "unknown";
    }
}
