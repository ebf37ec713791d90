package io.learnstack.command.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events reach Kafka.
 *
 * @param topic             the topic every learner event goes to
 * @param partitions        partitions of the topic when this service creates it
 * @param replicationFactor replication factor of the topic when this service creates it
 * @param sendTimeout       how long a batch may wait for Kafka's acknowledgement before it is retried
 * @param awaitTimeout      how long a write request waits for its events to reach Kafka before it is
 *                          answered anyway (the events are stored and will be published)
 * @param maxMessageBytes   the largest event the topic takes (its max.message.bytes when this service
 *                          creates it), and the largest the producer sends; an attachment's content
 *                          travels in one event
 */
@ConfigurationProperties("learnstack.publishing")
public record PublishingProperties(
        @DefaultValue("learnstack.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("5s") Duration awaitTimeout,
        @DefaultValue("12582912") int maxMessageBytes) {
}
