package io.learnstack.events;

/**
 * Something that happened to one credential awarded to one learner.
 *
 * @since 0.3
 */
public sealed interface AwardEvent extends LearnstackEvent permits CredentialIssued, CredentialRevoked, CredentialExpired {

    /** The award's id: one learner's one issuance of one credential. */
    String awardId();

    /** The holder's canonical identifier within the tenant, as in {@link LearnerEvent#learnerKey()}. */
    String learnerKey();

    /** Awards stay in order with the learner's learning events: they share the learner's partition. */
    @Override
    default String partitionKey() {
        return tenant() + "|" + learnerKey();
    }
}
