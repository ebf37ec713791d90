package io.learnstack.security;

import java.util.Set;

/**
 * An authenticated client: a key issued by one tenant (RTO) to its course content, student management
 * system or analysts.
 *
 * @param tenant the tenant the key belongs to
 * @param key    the client's key, the user name of HTTP Basic auth
 * @param roles  what the key may do
 */
public record Client(String tenant, String key, Set<Role> roles) {

    /** The request attribute that holds the authenticated client. */
    public static final String ATTRIBUTE = "learnstack.client";

    public Client {
        roles = Set.copyOf(roles);
    }

    /** A client holding only the xAPI role. */
    public Client(String tenant, String key) {
        this(tenant, key, Set.of(Role.XAPI));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
