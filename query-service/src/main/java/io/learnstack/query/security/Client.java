package io.learnstack.query.security;

/**
 * An authenticated xAPI client: a key issued by one tenant (RTO) to its course content.
 *
 * @param tenant the tenant the key belongs to
 * @param key    the client's key, the user name of HTTP Basic auth
 */
public record Client(String tenant, String key) {

    /** The request attribute that holds the authenticated client. */
    public static final String ATTRIBUTE = "learnstack.client";
}
