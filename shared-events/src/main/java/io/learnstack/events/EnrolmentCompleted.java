package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A learner completed the course of an enrolment.
 *
 * @param tenant      the tenant (RTO)
 * @param enrolmentId the enrolment
 * @param learnerKey  the learner
 * @param courseId    the course
 * @param success     whether it was completed successfully, or {@code null} when not said
 * @param statementId the xAPI statement it was classified from, or {@code null} when it came from the enrolment API
 * @param completed   when
 * @since 0.3
 */
@Revision("1")
public record EnrolmentCompleted(
        String tenant,
        String enrolmentId,
        String learnerKey,
        String courseId,
        Boolean success,
        String statementId,
        Instant completed) implements EnrolmentEvent {
}
