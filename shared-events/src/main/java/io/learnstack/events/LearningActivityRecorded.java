package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A learner did something with a learning activity that is neither an assessment outcome nor a
 * completion: launched, experienced, attempted, progressed, and so on.
 *
 * @param tenant      the tenant (RTO)
 * @param statementId the statement this was classified from
 * @param learnerKey  canonical identifier of the learner; personal data
 * @param activityId  the activity IRI
 * @param verbId      the verb IRI as sent
 * @param registration the context registration UUID, or {@code null}
 * @param timestamp   when it happened
 * @since 0.1
 */
@Revision("1")
public record LearningActivityRecorded(
        String tenant,
        String statementId,
        String learnerKey,
        String activityId,
        String verbId,
        String registration,
        Instant timestamp) implements LearnerEvent {
}
