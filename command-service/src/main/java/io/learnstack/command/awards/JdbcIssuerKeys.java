package io.learnstack.command.awards;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The issuer keys in the command side's database, next to the event store. The first issuance for a
 * tenant creates its key; several instances may try at once, and the tenant's primary key lets exactly
 * one insert win, the others read the winner's key. A key never changes once stored, so each instance
 * keeps what it read.
 */
@Component
class JdbcIssuerKeys implements IssuerKeys {

    private final JdbcTemplate jdbc;
    private final Map<String, IssuerKey> known = new ConcurrentHashMap<>();

    JdbcIssuerKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public IssuerKey current(String tenant) {
        return known.computeIfAbsent(tenant, this::readOrCreate);
    }

    private IssuerKey readOrCreate(String tenant) {
        IssuerKey stored = read(tenant);
        if (stored != null) {
            return stored;
        }
        IssuerKey created = IssuerKey.generate(tenant);
        try {
            jdbc.update("INSERT INTO IssuerKey (tenant, keyId, privateKey, publicKey, created) VALUES (?, ?, ?, ?, ?)",
                    tenant, created.keyId(), encode(created.privateKey().getEncoded()),
                    encode(created.publicKey().getEncoded()), System.currentTimeMillis());
            return created;
        } catch (DataIntegrityViolationException anotherInstanceWon) {
            IssuerKey winner = read(tenant);
            if (winner == null) {
                throw anotherInstanceWon;
            }
            return winner;
        }
    }

    private IssuerKey read(String tenant) {
        List<IssuerKey> keys = jdbc.query("SELECT privateKey, publicKey FROM IssuerKey WHERE tenant = ?",
                (row, number) -> IssuerKey.decode(tenant, decode(row.getString(1)), decode(row.getString(2))), tenant);
        return keys.isEmpty() ? null : keys.get(0);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        return Base64.getDecoder().decode(text);
    }
}
