package io.learnstack.events;

/**
 * An event about one learner's activity within one tenant (a Registered Training Organisation).
 * <p>
 * Events are published to Kafka keyed by {@link #partitionKey()}, which keeps each learner's events in
 * order.
 *
 * @since 0.1
 */
public sealed interface LearnerEvent extends LearnstackEvent
        permits StatementRecorded, StatementVoided, LearningActivityRecorded, AssessmentSubmitted,
        CompletionRecorded {

    /** The id of the xAPI statement the event came from. */
    String statementId();

    /**
     * The learner's canonical identifier within the tenant, derived from the statement's actor
     * (for example {@code mbox:mailto:ada@example.org}). Personal data.
     */
    String learnerKey();

    /** The key that orders the learner's events on the bus: tenant and learner together. */
    @Override
    default String partitionKey() {
        return tenant() + "|" + learnerKey();
    }
}
