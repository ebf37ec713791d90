package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A key was revoked, for good: it opens nothing any more and its name is never issued again.
 *
 * @param tenant the tenant (RTO) the key acted for
 * @param key    the key
 * @param at     when
 * @since 0.4
 */
@Revision("1")
public record ClientKeyRevoked(String tenant, String key, Instant at) implements ClientKeyEvent {
}
