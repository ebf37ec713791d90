package io.learnstack.command.catalogue;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a credential to a tenant's catalogue, as its revision 1.
 *
 * @param tenant  the tenant
 * @param draft   the definition
 * @param defined when the request was accepted
 */
record DefineCredential(String tenant, CredentialDraft draft, Instant defined) implements CatalogueCommand {

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
