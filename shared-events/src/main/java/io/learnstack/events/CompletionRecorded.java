package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A learner completed a learning activity (a course, unit or module).
 *
 * @param tenant      the tenant (RTO)
 * @param statementId the statement this was classified from
 * @param learnerKey  canonical identifier of the learner; personal data
 * @param activityId  the completed activity's IRI
 * @param registration the context registration UUID, or {@code null}
 * @param success     {@code result.success} when the statement gives it, else {@code null}
 * @param timestamp   when it happened
 * @since 0.1
 */
@Revision("1")
public record CompletionRecorded(
        String tenant,
        String statementId,
        String learnerKey,
        String activityId,
        String registration,
        Boolean success,
        Instant timestamp) implements LearnerEvent {
}
