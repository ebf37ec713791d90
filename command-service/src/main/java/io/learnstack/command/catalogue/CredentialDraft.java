package io.learnstack.command.catalogue;

import java.time.Period;

import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.Requirement;

/**
 * A credential's definition as a client sent it, before the catalogue gives it a revision.
 *
 * @param credentialId the credential's id within the tenant
 * @param name         the name shown to learners
 * @param description  what it certifies, or {@code null}
 * @param image        the badge image's URL, or {@code null}
 * @param kind         unit, micro-credential, skill set, qualification..., or {@code null}
 * @param requirement  what earns it
 * @param validity     how long an issued credential stays valid, or {@code null} for ever
 * @param issuance     automatic or on approval
 */
record CredentialDraft(String credentialId, String name, String description, String image, String kind,
        Requirement requirement, Period validity, IssuancePolicy issuance) {

    CredentialDefinition definition(int revision) {
        return new CredentialDefinition(credentialId, revision, name, description, image, kind, requirement, validity,
                issuance);
    }

    /** Whether a definition says what this draft says, whatever its revision. */
    boolean sameAs(CredentialDefinition definition) {
        return definition(definition.revision()).equals(definition);
    }
}
