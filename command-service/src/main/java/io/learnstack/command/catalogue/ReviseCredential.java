package io.learnstack.command.catalogue;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a credential's definition with a new revision.
 *
 * @param tenant  the tenant
 * @param draft   the new definition, whole
 * @param revised when the request was accepted
 */
record ReviseCredential(String tenant, CredentialDraft draft, Instant revised) implements CatalogueCommand {

    @Override
    public String credentialId() {
        return draft.credentialId();
    }

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogueCommand.aggregateIdOf(tenant);
    }
}
