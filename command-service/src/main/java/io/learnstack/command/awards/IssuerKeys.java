package io.learnstack.command.awards;

/** Where a tenant's signing key comes from. */
interface IssuerKeys {

    /** The tenant's signing key, created on first use. */
    IssuerKey current(String tenant);
}
