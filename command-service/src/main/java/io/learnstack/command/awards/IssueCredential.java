package io.learnstack.command.awards;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.learnstack.events.CredentialDefinition;

/**
 * Issue a credential to a learner, unless that very award was issued already.
 *
 * @param aggregateId the award's identity in the event store
 * @param awardId     the award's id, derived from what earned it (see {@link AwardIds})
 * @param tenant      the issuing tenant
 * @param learnerKey  the learner
 * @param definition  the credential's current definition
 * @param approvedBy  the key that approved it, or {@code null} when issued automatically
 * @param eligibleAt  when the learner met the requirements
 * @param requested   when the issuance was asked for: the credential is valid from then
 */
record IssueCredential(
        @TargetAggregateIdentifier String aggregateId,
        String awardId,
        String tenant,
        String learnerKey,
        CredentialDefinition definition,
        String approvedBy,
        Instant eligibleAt,
        Instant requested) {
}
