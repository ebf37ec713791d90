package io.learnstack.events;

/**
 * Something that happened to one learner's enrolment in one course offering.
 *
 * @since 0.3
 */
public sealed interface EnrolmentEvent extends LearnstackEvent
        permits LearnerEnrolled, LearnerReEnrolled, EnrolmentWithdrawn, EnrolmentCompleted {

    /** The enrolment's id, unique within the tenant. */
    String enrolmentId();

    /** The learner's canonical identifier within the tenant, as in {@link LearnerEvent#learnerKey()}. */
    String learnerKey();

    /** The course's id (its activity IRI). */
    String courseId();

    /** Enrolments stay in order with the learner's learning events: they share the learner's partition. */
    @Override
    default String partitionKey() {
        return tenant() + "|" + learnerKey();
    }
}
