package io.learnstack.security;

import java.util.Set;

/**
 * A key issued through the admin API and not revoked, as the read models hold it.
 *
 * @param tenant     the tenant the key acts for
 * @param key        the key, the user name of HTTP Basic auth
 * @param secretHash the BCrypt hash of its current secret
 * @param roles      what the key may do
 */
public record IssuedKey(String tenant, String key, String secretHash, Set<Role> roles) {

    public IssuedKey {
        roles = Set.copyOf(roles);
    }
}
