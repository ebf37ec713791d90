package io.learnstack.projector.eligibility;

import io.learnstack.events.CredentialDefinition;

/**
 * A credential of a tenant's catalogue as eligibility sees it: its current revision, and whether it was
 * retired.
 */
record CatalogueEntry(CredentialDefinition definition, boolean retired) {

    String credentialId() {
        return definition.credentialId();
    }

    boolean automatic() {
        return !retired && definition.issuance() != CredentialDefinition.IssuancePolicy.ON_APPROVAL;
    }
}
