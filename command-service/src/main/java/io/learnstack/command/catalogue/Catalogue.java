package io.learnstack.command.catalogue;

import java.util.Optional;

import io.learnstack.events.CredentialDefinition;

/** The command side's view of a tenant's credential catalogue, for decisions that need a definition. */
public interface Catalogue {

    /**
     * The current revision of a credential.
     *
     * @return the definition, or empty when the tenant has no such credential or it was retired
     */
    Optional<CredentialDefinition> current(String tenant, String credentialId);
}
