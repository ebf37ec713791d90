package io.learnstack.command.keys;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.keys.KeyRefusedException.Reason;
import io.learnstack.command.publishing.PublicationTracker;
import io.learnstack.security.ClientProperties;
import io.learnstack.security.Role;

/**
 * Issues, rotates and revokes keys. Secrets are drawn here, handed out once in the answer and kept only
 * as BCrypt hashes; neither is ever logged. Each change answers once it is on the bus and projected.
 */
@Service
class KeyDesk {

    private static final Logger log = LoggerFactory.getLogger(KeyDesk.class);

    /** Letters, digits, '.', '_' and '-': never ':', which would split HTTP Basic credentials. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int ATTEMPTS = 5;
    private static final int SECRET_BYTES = 24;

    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final CommandGateway commands;
    private final PublicationTracker publication;
    private final KeyReadModel readModel;
    private final Set<String> configured;

    KeyDesk(CommandGateway commands, PublicationTracker publication, KeyReadModel readModel,
            ClientProperties properties) {
        this.commands = commands;
        this.publication = publication;
        this.readModel = readModel;
        this.configured = properties.clients().stream().map(ClientProperties.Entry::key).collect(Collectors.toSet());
    }

    /** A key and, once only, its secret. */
    record Issued(String key, String tenant, String secret, List<String> roles) {
    }

    Issued issue(String tenant, String requestedKey, List<String> requestedRoles) throws InterruptedException {
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw invalid("a tenant is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String key = requestedKey == null ? "key-" + HexFormat.of().formatHex(bytes(10)) : requestedKey;
        if (!NAME.matcher(key).matches()) {
            throw invalid("a key must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (configured.contains(key)) {
            throw new KeyRefusedException(Reason.EXISTS, "the key '" + key + "' exists or existed");
        }
        List<String> roles = roles(requestedRoles);
        String secret = secret();
        String hash = bcrypt.encode(secret);
        change(new IssueKey(key, tenant, hash, roles, now()), document -> true);
        return new Issued(key, tenant, secret, roles);
    }

    Issued rotate(String key) throws InterruptedException {
        refuseConfigured(key);
        String secret = secret();
        String hash = bcrypt.encode(secret);
        String tenant = change(new RotateKeySecret(key, hash, now()),
                document -> hash.equals(document.getString("secretHash")) || document.getBoolean("revoked", false));
        return new Issued(key, tenant, secret, null);
    }

    void revoke(String key) throws InterruptedException {
        refuseConfigured(key);
        change(new RevokeKey(key, now()), document -> document.getBoolean("revoked", false));
    }

    /** A tenant's keys, without any secret or hash. */
    List<Document> list(String tenant) {
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw invalid("a tenant is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        List<Document> rows = new ArrayList<>();
        for (Document key : readModel.ofTenant(tenant)) {
            rows.add(new Document("key", key.getString("_id"))
                    .append("roles", key.getList("roles", String.class))
                    .append("issued", key.get("issued"))
                    .append("rotated", key.get("rotated"))
                    .append("revoked", key.getBoolean("revoked", false))
                    .append("revokedAt", key.get("revokedAt")));
        }
        return rows;
    }

    private void refuseConfigured(String key) {
        if (configured.contains(key)) {
            throw new KeyRefusedException(Reason.EXISTS,
                    "the key '" + key + "' is configured, not issued: change it in the configuration");
        }
    }

    private <R> R change(KeyCommand command, Predicate<Document> projected) throws InterruptedException {
        R result = AppendRetry.retryingLostRaces(ATTEMPTS, () -> send(command));
        if (!publication.awaitPublished(Set.of(KeyCommand.aggregateId(command.key())))) {
            log.warn("answering a key change before it reached Kafka; it is stored and will follow");
        } else if (!readModel.await(command.key(), projected)) {
            log.warn("answering a key change before the projector applied it; it takes effect when it does");
        }
        return result;
    }

    private <R> R send(KeyCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof KeyRefusedException refused) {
                    throw refused;
                }
                if (cause instanceof AggregateNotFoundException) {
                    throw new KeyRefusedException(Reason.UNKNOWN, "no key '" + command.key() + "' was issued");
                }
            }
            throw failure;
        }
    }

    private static List<String> roles(List<String> requested) {
        if (requested == null) {
            return List.of(Role.XAPI.id());
        }
        if (requested.isEmpty()) {
            throw invalid("a key needs at least one role");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String name : requested) {
            Role role;
            try {
                role = Role.parse(name == null ? "" : name);
            } catch (IllegalArgumentException unknown) {
                throw invalid("unknown role '" + name + "': xapi, registrar, catalogue or analyst");
            }
            if (role == Role.ADMIN) {
                throw invalid("admin keys are configured, not issued");
            }
            roles.add(role.id());
        }
        return List.copyOf(roles);
    }

    private String secret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(SECRET_BYTES));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static KeyRefusedException invalid(String message) {
        return new KeyRefusedException(Reason.INVALID, message);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
