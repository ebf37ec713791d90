package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A stored statement was voided by a voiding statement. The voided statement stays in the record: it
 * leaves statement lists and everything that was derived from it, and is still found by its id as a
 * voided statement.
 *
 * @param tenant             the tenant (RTO)
 * @param statementId        the voided statement's id
 * @param learnerKey         the voided statement's learner, so the event follows that learner's others
 *                           on the bus; personal data
 * @param voidingStatementId the id of the voiding statement
 * @param voidedAt           when the voiding statement was stored
 * @since 0.1
 */
@Revision("1")
public record StatementVoided(
        String tenant,
        String statementId,
        String learnerKey,
        String voidingStatementId,
        Instant voidedAt) implements LearnerEvent {
}
