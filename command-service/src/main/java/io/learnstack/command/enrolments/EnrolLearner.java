package io.learnstack.command.enrolments;

import java.time.Instant;
import java.time.Period;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enrol a learner in a course. Sending it again with the same enrolment id changes nothing.
 *
 * @param aggregateId       the learner's enrolments
 * @param tenant            the tenant (RTO)
 * @param learnerKey        the learner
 * @param enrolmentId       the enrolment's id, unique within the tenant
 * @param courseId          the course's IRI
 * @param offeringId        the offering, or {@code null}
 * @param cohort            the intake month, e.g. {@code 2026-02}
 * @param enrolled          when
 * @param statementId       the statement it was classified from, or {@code null}
 * @param reEnrolmentWindow how long after finishing one course an enrolment in another counts as a
 *                          re-enrolment, at this tenant
 */
record EnrolLearner(
        @TargetAggregateIdentifier String aggregateId,
        String tenant,
        String learnerKey,
        String enrolmentId,
        String courseId,
        String offeringId,
        String cohort,
        Instant enrolled,
        String statementId,
        Period reEnrolmentWindow) implements EnrolmentCommand {
}
