package io.learnstack.events;

import java.time.Instant;

/**
 * A change to a client key issued through the admin API. Keys written in configuration have no events.
 *
 * @since 0.4
 */
public sealed interface ClientKeyEvent extends LearnstackEvent
        permits ClientKeyIssued, ClientKeySecretRotated, ClientKeyRevoked {

    /** The key, the user name of HTTP Basic auth; unique across tenants. */
    String key();

    /** When the change was made. */
    Instant at();

    /** A tenant's key changes share a partition, so every consumer sees them in one order. */
    @Override
    default String partitionKey() {
        return tenant() + "|client-keys";
    }
}
