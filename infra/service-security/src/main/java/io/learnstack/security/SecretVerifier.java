package io.learnstack.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Checks a key's secret against its configured BCrypt hash (or, for keys still configured in plain text,
 * compares in constant time).
 * <p>
 * A BCrypt check costs tens of milliseconds and every xAPI request authenticates, so successful checks are
 * remembered in a bounded LRU map. Its keys are an HMAC-SHA256 of key and secret under a key drawn at
 * random for this process: the secret itself is never held, a leaked heap dump does not give a cheap
 * offline guess, and a wrong secret digests to an entry that was never added, so it always pays the full
 * check.
 */
final class SecretVerifier {

    /** Enough for every key of a large deployment; a miss only costs one more hash check. */
    static final int CACHE_SIZE = 1024;

    /** BCrypt reads no further than this; longer secrets are refused when hashed, so they never match. */
    static final int MAX_SECRET_BYTES = 72;

    private static final String HMAC = "HmacSHA256";

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final SecretKeySpec digestKey;
    // Access-ordered, so the least recently used entry goes first; get (not containsKey) counts as a use.
    private final Map<String, Boolean> verified;
    // Checked for unknown keys so that they take as long to refuse as a wrong secret.
    private final String decoyHash;

    SecretVerifier(int cacheSize) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.digestKey = new SecretKeySpec(random, HMAC);
        this.verified = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > cacheSize;
            }
        });
        this.decoyHash = encoder.encode("decoy");
    }

    SecretVerifier() {
        this(CACHE_SIZE);
    }

    /** Whether {@code secret} is the secret of {@code entry}; {@code entry} is null for an unknown key. */
    boolean matches(ClientProperties.Entry entry, String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES && (entry == null || entry.hashed())) {
            return false;
        }
        if (entry == null) {
            encoder.matches(secret, decoyHash);
            return false;
        }
        if (!entry.hashed()) {
            return entry.secret() != null && MessageDigest.isEqual(entry.secret().getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8));
        }
        // The key cannot contain ':' (HTTP Basic splits on the first one), so the joined text is unambiguous.
        // The hash is part of it: once a key's secret is rotated, what the old secret earned is never found.
        String digest = digest(entry.key() + ':' + entry.secretHash() + ':' + secret);
        if (verified.get(digest) != null) {
            return true;
        }
        if (!encoder.matches(secret, entry.secretHash())) {
            return false;
        }
        verified.put(digest, Boolean.TRUE);
        return true;
    }

    int cached() {
        return verified.size();
    }

    private String digest(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(digestKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", unavailable);
        }
    }
}
