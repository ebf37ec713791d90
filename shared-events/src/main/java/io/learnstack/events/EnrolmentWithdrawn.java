package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A learner left a course before completing it.
 *
 * @param tenant      the tenant (RTO)
 * @param enrolmentId the enrolment
 * @param learnerKey  the learner
 * @param courseId    the course
 * @param reason      the reason given, or {@code null}
 * @param statementId the xAPI statement it was classified from, or {@code null} when it came from the enrolment API
 * @param withdrawn   when
 * @since 0.3
 */
@Revision("1")
public record EnrolmentWithdrawn(
        String tenant,
        String enrolmentId,
        String learnerKey,
        String courseId,
        String reason,
        String statementId,
        Instant withdrawn) implements EnrolmentEvent {
}
