package io.learnstack.query.consistency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes.
 *
 * @param topic   the topic the projector consumes
 * @param timeout how long a read waits for the projections to reach the log end it saw at its start
 *                before it answers from what they have
 */
@ConfigurationProperties("learnstack.consistency")
public record ConsistencyProperties(
        @DefaultValue("learnstack.events") String topic,
        @DefaultValue("3s") Duration timeout) {
}
