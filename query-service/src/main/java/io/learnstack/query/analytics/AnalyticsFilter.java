package io.learnstack.query.analytics;

import java.time.Instant;

/**
 * Which enrolments a table counts; every part is optional.
 *
 * @param course   only this course
 * @param cohort   only this intake month
 * @param offering only this offering
 * @param from     only enrolments that began at or after this
 * @param to       only enrolments that began before this
 */
record AnalyticsFilter(String course, String cohort, String offering, Instant from, Instant to) {

    static final AnalyticsFilter NONE = new AnalyticsFilter(null, null, null, null, null);

    boolean matches(Step step) {
        return (course == null || course.equals(step.course()))
                && (cohort == null || cohort.equals(step.cohort()))
                && (offering == null || offering.equals(step.offering()))
                && (from == null || !step.enrolled().isBefore(from))
                && (to == null || step.enrolled().isBefore(to));
    }

    /** The same filter without its course: tables that follow learners from one course to another. */
    AnalyticsFilter anyCourse() {
        return new AnalyticsFilter(null, cohort, offering, from, to);
    }
}
