package io.learnstack.command.enrolments;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a learner left a course before completing it. Withdrawing a withdrawn enrolment again
 * changes nothing.
 *
 * @param aggregateId the learner's enrolments
 * @param enrolmentId the enrolment
 * @param reason      the reason given, or {@code null}
 * @param withdrawn   when
 * @param statementId the statement it was classified from, or {@code null}
 */
record WithdrawEnrolment(
        @TargetAggregateIdentifier String aggregateId,
        String enrolmentId,
        String reason,
        Instant withdrawn,
        String statementId) implements EnrolmentCommand {
}
