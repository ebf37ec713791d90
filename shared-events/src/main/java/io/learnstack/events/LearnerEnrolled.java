package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A learner enrolled in a course offering.
 *
 * @param tenant       the tenant (RTO)
 * @param enrolmentId  the enrolment
 * @param learnerKey   the learner
 * @param courseId     the course's activity IRI
 * @param offeringId   the offering (a class, intake or delivery of the course), or {@code null}
 * @param cohort       the intake the learner belongs to, e.g. {@code 2026-02}; the enrolment month when not given
 * @param statementId  the xAPI statement it was classified from, or {@code null} when it came from the enrolment API
 * @param enrolled     when
 * @since 0.3
 */
@Revision("1")
public record LearnerEnrolled(
        String tenant,
        String enrolmentId,
        String learnerKey,
        String courseId,
        String offeringId,
        String cohort,
        String statementId,
        Instant enrolled) implements EnrolmentEvent {
}
