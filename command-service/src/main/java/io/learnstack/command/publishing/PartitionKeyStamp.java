package io.learnstack.command.publishing;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import io.learnstack.events.LearnstackEvent;

/**
 * Stores each event's Kafka key in its metadata as it is published on the event bus, so the outbox can
 * send the event's stored bytes without deserializing the payload to ask it for its key.
 */
final class PartitionKeyStamp implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String META_DATA_KEY = "partitionKey";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message.getPayload() instanceof LearnstackEvent event
                ? message.andMetaData(Map.of(META_DATA_KEY, event.partitionKey()))
                : message;
    }

    /**
     * The event's Kafka key: from its metadata, or for an event stored before keys were stamped, from the
     * payload itself.
     */
    static String keyOf(EventMessage<?> message) {
        Object stamped = message.getMetaData().get(META_DATA_KEY);
        return stamped instanceof String key ? key : ((LearnstackEvent) message.getPayload()).partitionKey();
    }
}
