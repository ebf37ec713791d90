package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A key got a new secret; the previous one no longer opens anything.
 *
 * @param tenant     the tenant (RTO) the key acts for
 * @param key        the key
 * @param secretHash the BCrypt hash of the new secret
 * @param generation the secret's generation: 1 for the secret the key was issued with, one more at each
 *                   rotation, so a read model never takes an older secret over a newer one
 * @param at         when
 * @since 0.4
 */
@Revision("1")
public record ClientKeySecretRotated(String tenant, String key, String secretHash, int generation, Instant at)
        implements ClientKeyEvent {
}
