package io.learnstack.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The keys this LRS accepts.
 *
 * @param clients one entry per key
 */
@ConfigurationProperties("learnstack.security")
public record ClientProperties(List<Entry> clients) {

    public ClientProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * One key.
     *
     * @param tenant     the tenant (RTO) the key acts for
     * @param key        the user name of HTTP Basic auth
     * @param secret     the password of HTTP Basic auth in plain text; accepted with a warning at startup,
     *                   {@code secretHash} is the setting to use
     * @param secretHash the BCrypt hash of the password of HTTP Basic auth ({@code HashSecret} makes one);
     *                   wins over {@code secret} when both are given
     * @param roles      role names ({@code xapi}, {@code registrar}, {@code catalogue}, {@code analyst}, or
     *                   {@code admin} alone); {@code xapi} alone when none are given
     */
    public record Entry(String tenant, String key, String secret, String secretHash, List<String> roles) {

        private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

        @ConstructorBinding
        public Entry {
            // Refused at startup: otherwise the key would only fail, unexplained, at every request.
            if (secretHash != null && !secretHash.isBlank() && !BCRYPT.matcher(secretHash).matches()) {
                throw new IllegalArgumentException("the secret-hash of key '" + key + "' is not a BCrypt hash");
            }
            if ((secretHash == null || secretHash.isBlank()) && (secret == null || secret.isEmpty())) {
                throw new IllegalArgumentException("key '" + key + "' needs a secret-hash");
            }
            // An admin key manages keys and nothing else, so a leaked xAPI key can never grant itself more.
            if (roles != null && roles.size() > 1 && roles.stream().anyMatch(role -> Role.parse(role) == Role.ADMIN)) {
                throw new IllegalArgumentException("key '" + key + "' is an admin key: it can hold no other role");
            }
        }

        /** A key with a plain-text secret. */
        public Entry(String tenant, String key, String secret, List<String> roles) {
            this(tenant, key, secret, null, roles);
        }

        boolean hashed() {
            return secretHash != null && !secretHash.isBlank();
        }

        /** The roles the key holds. */
        public Set<Role> grantedRoles() {
            if (roles == null || roles.isEmpty()) {
                return Set.of(Role.XAPI);
            }
            Set<Role> granted = EnumSet.noneOf(Role.class);
            roles.forEach(role -> granted.add(Role.parse(role)));
            return granted;
        }
    }
}
