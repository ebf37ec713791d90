package io.learnstack.command.statements;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record one normalised xAPI statement for a tenant.
 *
 * @param aggregateId    the statement's identity in the event store: tenant and statement id together
 * @param tenant         the tenant (RTO) that sent it
 * @param statementId    the statement's UUID, lower case
 * @param fingerprint    digest of the content that decides whether a re-sent statement is the same one
 * @param learnerKey     canonical identifier of the actor
 * @param verbId         the verb IRI
 * @param objectType     the object's type
 * @param objectId       the object's id
 * @param registration   the context registration, or {@code null}
 * @param timestamp      when the experience happened
 * @param stored         when the LRS accepted it
 * @param statement      the normalised statement as JSON text
 * @param classification what the statement means for the learner's progress
 */
public record RecordStatement(
        @TargetAggregateIdentifier String aggregateId,
        String tenant,
        String statementId,
        String fingerprint,
        String learnerKey,
        String verbId,
        String objectType,
        String objectId,
        String registration,
        Instant timestamp,
        Instant stored,
        String statement,
        Classification classification) {

    /** The aggregate identifier of a tenant's statement. */
    public static String aggregateIdOf(String tenant, String statementId) {
        return tenant + "/" + statementId;
    }
}
