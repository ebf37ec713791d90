package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A learner submitted an assessment and it was marked: passed, failed or scored.
 *
 * @param tenant      the tenant (RTO)
 * @param statementId the statement this was classified from
 * @param learnerKey  canonical identifier of the learner; personal data
 * @param activityId  the assessment's activity IRI
 * @param verbId      the verb IRI as sent (passed, failed, scored, ...)
 * @param registration the context registration UUID, or {@code null}
 * @param scaledScore {@code result.score.scaled} in [-1, 1], or {@code null} when not given
 * @param rawScore    {@code result.score.raw}, or {@code null}
 * @param success     whether the learner passed: {@code result.success}, else implied by the verb
 *                    (passed/failed), else {@code null}
 * @param timestamp   when it happened
 * @since 0.1
 */
@Revision("1")
public record AssessmentSubmitted(
        String tenant,
        String statementId,
        String learnerKey,
        String activityId,
        String verbId,
        String registration,
        Double scaledScore,
        Double rawScore,
        Boolean success,
        Instant timestamp) implements LearnerEvent {
}
