package io.learnstack.command.catalogue;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraw a credential from a tenant's catalogue.
 *
 * @param tenant       the tenant
 * @param credentialId the credential
 * @param retired      when the request was accepted
 */
record RetireCredential(String tenant, String credentialId, Instant retired) implements CatalogueCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogueCommand.aggregateIdOf(tenant);
    }
}
