package io.learnstack.command.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.EventTypes;
import io.learnstack.events.LearnstackEvent;

/**
 * Publishes stored events to Kafka. It runs in a tracking event processor whose position is kept in
 * the event store's own database, so the event store is the outbox: an event is marked published only
 * in the transaction that follows Kafka's acknowledgement, and one stored while Kafka is down is sent
 * when Kafka is back. Redelivery after a crash is possible; consumers are idempotent.
 */
@Component
@ProcessingGroup(KafkaOutboxPublisher.PROCESSING_GROUP)
class KafkaOutboxPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String PENDING_SENDS = KafkaOutboxPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer eventSerializer;
    private final PublishingProperties properties;
    private final PublicationTracker tracker;
    private final MeterRegistry meters;

    KafkaOutboxPublisher(KafkaTemplate<String, byte[]> kafka, @Qualifier("eventSerializer") Serializer eventSerializer,
            PublishingProperties properties, PublicationTracker tracker, MeterRegistry meters) {
        this.kafka = kafka;
        this.eventSerializer = eventSerializer;
        this.properties = properties;
        this.tracker = tracker;
        this.meters = meters;
    }

    /**
     * Sends the payload's bytes as the event store holds them: the same JSON the service's object mapper
     * writes, since the event serializer uses it, without reading the payload back into an object and
     * writing it again.
     */
    @EventHandler(payloadType = LearnstackEvent.class)
    void on(EventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        String type = EventTypes.nameOf(message.getPayloadType());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topic(),
                PartitionKeyStamp.keyOf(message), payload.getData());
        header(record, EventTypes.TYPE_HEADER, type);
        header(record, EventTypes.REVISION_HEADER, revisionOf(payload));
        header(record, EventTypes.ID_HEADER, message.getIdentifier());
        header(record, EventTypes.TIME_HEADER, message.getTimestamp().toString());
        if (message instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken().position().isPresent()) {
            header(record, EventTypes.POSITION_HEADER, Long.toString(tracked.trackingToken().position().getAsLong()));
        }
        pendingSends().add(kafka.send(record));
        meters.counter("learnstack.events.published", "type", type).increment();
    }

    /**
     * Sends of one batch run concurrently; the batch's unit of work (which also moves the processor's
     * token) may only commit once Kafka has acknowledged every one of them.
     */
    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(uow -> awaitAcknowledgements(sends));
            unitOfWork.afterCommit(uow -> tracker.publicationAdvanced());
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EventPublicationException("interrupted while waiting for Kafka", interrupted);
        } catch (Exception failed) {
            meters.counter("learnstack.events.publish.failures").increment();
            throw new EventPublicationException("Kafka did not acknowledge a batch of " + sends.size()
                    + " events; it will be sent again", failed);
        }
    }

    private static String revisionOf(SerializedObject<?> payload) {
        String revision = payload.getType().getRevision();
        return revision == null ? "0" : revision;
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
