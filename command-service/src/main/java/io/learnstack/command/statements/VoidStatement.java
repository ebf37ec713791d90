package io.learnstack.command.statements;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Void a stored statement, because a voiding statement targets it.
 *
 * @param aggregateId        the target statement's identity in the event store
 * @param voidingStatementId the voiding statement's id
 * @param voidedAt           when the voiding statement was stored
 */
public record VoidStatement(@TargetAggregateIdentifier String aggregateId, String voidingStatementId, Instant voidedAt) {
}
