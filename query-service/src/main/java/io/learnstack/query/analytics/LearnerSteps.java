package io.learnstack.query.analytics;

import java.util.List;

/**
 * A learner's enrolments in the order they began.
 *
 * @param learner the learner key
 * @param steps   the enrolments
 */
record LearnerSteps(String learner, List<Step> steps) {
}
