package io.learnstack.projector.bus;

import io.learnstack.events.LearnstackEvent;

/**
 * An event as it came off the bus, with where it came from.
 *
 * @param event     the event
 * @param topic     the Kafka topic
 * @param partition the partition
 * @param offset    the record's offset
 */
public record Envelope(LearnstackEvent event, String topic, int partition, long offset) {
}
