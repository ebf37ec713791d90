package io.learnstack.events;

import java.util.Objects;

/**
 * Where a document lives: its resource, its scope and its id within the scope.
 *
 * @param kind         the document resource
 * @param activityId   the activity IRI for states and activity profiles, otherwise {@code null}
 * @param agentKey     the agent's canonical identifier (as learner keys are written, for example
 *                     {@code mbox:mailto:ada@example.org}) for states and agent profiles, otherwise
 *                     {@code null}; personal data
 * @param registration the registration UUID of a state, or {@code null} when it has none
 * @param documentId   the stateId or profileId
 * @since 0.2
 */
public record DocumentAddress(
        DocumentKind kind,
        String activityId,
        String agentKey,
        String registration,
        String documentId) {

    public DocumentAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(documentId, "documentId");
    }

    /** The same scope with another document id. */
    public DocumentAddress withDocumentId(String otherDocumentId) {
        return new DocumentAddress(kind, activityId, agentKey, registration, otherDocumentId);
    }

    /**
     * The scope's key within a tenant: every document of one state set, activity or agent shares it, so
     * their events stay in order on the bus. Agent documents share the learner's key and so follow the
     * learner's statements.
     */
    public String scopeKey() {
        return switch (kind) {
            case STATE -> agentKey;
            case AGENT_PROFILE -> agentKey;
            case ACTIVITY_PROFILE -> "activity:" + activityId;
        };
    }
}
