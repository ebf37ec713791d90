package io.learnstack.events;

/**
 * A change to a tenant's credential catalogue.
 *
 * @since 0.3
 */
public sealed interface CatalogueEvent extends LearnstackEvent
        permits CredentialDefined, CredentialRevised, CredentialRetired {

    /** The credential concerned. */
    String credentialId();

    /** A tenant's catalogue changes in one order for every consumer: they share a partition. */
    @Override
    default String partitionKey() {
        return tenant() + "|catalogue";
    }
}
