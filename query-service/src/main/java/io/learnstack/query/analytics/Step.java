package io.learnstack.query.analytics;

import java.time.Instant;

/**
 * One enrolment in a learner's pathway, as the projector keeps it.
 *
 * @param enrolmentId  the enrolment
 * @param course       the course's IRI
 * @param offering     the offering, or {@code null}
 * @param cohort       the intake month, e.g. {@code 2026-02}
 * @param enrolled     when it began
 * @param ended        when it was completed or withdrawn, or {@code null}
 * @param outcome      {@code completed}, {@code withdrawn}, or {@code null} while open
 * @param success      the completion's success, or {@code null}
 * @param previous     the enrolment this one re-enrolled after, or {@code null}
 * @param reEnrolledBy the re-enrolment that followed this one, or {@code null}
 * @param dropOff      for a withdrawal, the last activity before it, or {@code null}
 */
record Step(String enrolmentId, String course, String offering, String cohort, Instant enrolled, Instant ended,
        String outcome, Boolean success, String previous, String reEnrolledBy, String dropOff) {

    boolean completed() {
        return "completed".equals(outcome);
    }

    boolean withdrawn() {
        return "withdrawn".equals(outcome);
    }

    boolean finished() {
        return outcome != null;
    }
}
