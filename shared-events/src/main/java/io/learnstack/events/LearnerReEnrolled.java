package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An enrolment is a re-enrolment: the learner had finished or left another course at the same RTO within
 * the tenant's re-enrolment window. Recorded right after the {@link LearnerEnrolled} it qualifies.
 *
 * @param tenant              the tenant (RTO)
 * @param enrolmentId         the new enrolment
 * @param learnerKey          the learner
 * @param courseId            the new course
 * @param previousEnrolmentId the enrolment that had ended
 * @param previousCourseId    its course
 * @param previousEnded       when it ended (completed or withdrawn)
 * @param reEnrolled          when the new enrolment began
 * @since 0.3
 */
@Revision("1")
public record LearnerReEnrolled(
        String tenant,
        String enrolmentId,
        String learnerKey,
        String courseId,
        String previousEnrolmentId,
        String previousCourseId,
        Instant previousEnded,
        Instant reEnrolled) implements EnrolmentEvent {
}
