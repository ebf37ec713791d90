package io.learnstack.events;

import java.time.Period;

/**
 * One revision of a credential in a tenant's catalogue.
 *
 * @param credentialId the credential's id, unique within the tenant (letters, digits, '-', '_', '.')
 * @param revision     1 when defined, one more on each revision
 * @param name         the name shown to learners
 * @param description  what it certifies
 * @param image        the badge image's URL, or {@code null}
 * @param kind         unit, micro-credential, skill set, qualification, or the RTO's own word
 * @param requirement  what earns it
 * @param validity     how long an issued credential stays valid (e.g. {@code P3Y}), or {@code null} when it
 *                     never expires
 * @param issuance     whether it is issued as soon as a learner is eligible or after approval
 * @since 0.3
 */
public record CredentialDefinition(
        String credentialId,
        int revision,
        String name,
        String description,
        String image,
        String kind,
        Requirement requirement,
        Period validity,
        IssuancePolicy issuance) {

    /** How an eligible learner comes to hold the credential. */
    public enum IssuancePolicy {
        /** Issued when the learner becomes eligible. */
        AUTOMATIC,
        /** Issued when someone holding the catalogue role approves it. */
        ON_APPROVAL
    }
}
