package io.learnstack.command.enrolments;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a learner completed the course of an enrolment. Completing it again changes nothing.
 *
 * @param aggregateId the learner's enrolments
 * @param enrolmentId the enrolment, or {@code null} to take the learner's latest open enrolment in
 *                    {@code courseId} (a completion statement without a registration)
 * @param courseId    the course, used only when {@code enrolmentId} is {@code null}
 * @param success     whether it was a success, or {@code null} when not said
 * @param completed   when
 * @param statementId the statement it was classified from, or {@code null}
 */
record CompleteEnrolment(
        @TargetAggregateIdentifier String aggregateId,
        String enrolmentId,
        String courseId,
        Boolean success,
        Instant completed,
        String statementId) implements EnrolmentCommand {
}
