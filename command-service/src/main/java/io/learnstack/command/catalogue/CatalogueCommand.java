package io.learnstack.command.catalogue;

/** A change to a tenant's catalogue; the tenant's one catalogue aggregate decides it. */
sealed interface CatalogueCommand permits DefineCredential, ReviseCredential, RetireCredential {

    /** The tenant whose catalogue changes. */
    String tenant();

    /** The credential concerned. */
    String credentialId();

    /** The tenant's catalogue aggregate. */
    String aggregateId();

    /** The aggregate identifier of a tenant's catalogue. */
    static String aggregateIdOf(String tenant) {
        return "catalogue/" + tenant;
    }
}
