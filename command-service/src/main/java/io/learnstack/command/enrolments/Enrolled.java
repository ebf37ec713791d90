package io.learnstack.command.enrolments;

/**
 * What enrolling decided.
 *
 * @param enrolmentId the enrolment
 * @param reEnrolment whether it counts as a re-enrolment
 * @param created     whether this command created it (false when it existed already)
 * @param learnerKey  the learner it belongs to
 */
record Enrolled(String enrolmentId, boolean reEnrolment, boolean created, String learnerKey) {
}
