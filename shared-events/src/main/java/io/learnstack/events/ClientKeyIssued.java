package io.learnstack.events;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A key was issued to a tenant. The secret itself is never in an event: it was handed out once, in the
 * answer to the request that issued it.
 *
 * @param tenant     the tenant (RTO) the key acts for
 * @param key        the key
 * @param secretHash the BCrypt hash of the key's secret
 * @param roles      role names, e.g. {@code xapi}, {@code analyst}
 * @param at         when
 * @since 0.4
 */
@Revision("1")
public record ClientKeyIssued(String tenant, String key, String secretHash, List<String> roles, Instant at)
        implements ClientKeyEvent {

    public ClientKeyIssued {
        roles = List.copyOf(roles);
    }
}
