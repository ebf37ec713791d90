package io.learnstack.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers each lookup, found or not, for a short time: every request authenticates, and the read model
 * need not be asked each time, but a rotation or a revocation must reach every instance within that time.
 */
final class CachedIssuedKeys implements IssuedKeys {

    /** Beyond this many remembered keys the cache starts over, so unknown names cannot grow it without end. */
    static final int MAX_ENTRIES = 10_000;

    private record Lookup(Optional<IssuedKey> key, long expires) {
    }

    private final IssuedKeys source;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    CachedIssuedKeys(IssuedKeys source, Duration ttl, LongSupplier nanoTime) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    CachedIssuedKeys(IssuedKeys source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    @Override
    public Optional<IssuedKey> find(String key) {
        if (ttlNanos <= 0) {
            return source.find(key);
        }
        long now = nanoTime.getAsLong();
        Lookup lookup = lookups.get(key);
        if (lookup != null && now - lookup.expires() < 0) {
            return lookup.key();
        }
        Optional<IssuedKey> found = source.find(key);
        if (lookups.size() >= MAX_ENTRIES) {
            lookups.clear();
        }
        lookups.put(key, new Lookup(found, now + ttlNanos));
        return found;
    }
}
