package io.learnstack.command.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The xAPI clients this LRS accepts.
 *
 * @param clients one entry per key
 */
@ConfigurationProperties("learnstack.security")
public record ClientProperties(List<Entry> clients) {

    public ClientProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * One client key.
     *
     * @param tenant the tenant (RTO) the key acts for
     * @param key    the user name of HTTP Basic auth
     * @param secret the password of HTTP Basic auth
     */
    public record Entry(String tenant, String key, String secret) {
    }
}
