package io.learnstack.command.awards;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that an award reached its end of validity; refused before then, and a no-op once recorded.
 *
 * @param aggregateId the award's identity in the event store
 * @param now         the time of the check
 */
record ExpireCredential(@TargetAggregateIdentifier String aggregateId, Instant now) {
}
