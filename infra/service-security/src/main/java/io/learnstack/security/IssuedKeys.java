package io.learnstack.security;

import java.util.Optional;

/** Where a service looks up keys that are not in its configuration: those issued through the admin API. */
@FunctionalInterface
public interface IssuedKeys {

    /** No issued keys: only configured keys are accepted. */
    IssuedKeys NONE = key -> Optional.empty();

    /** The key, or empty when it was never issued or was revoked. */
    Optional<IssuedKey> find(String key);
}
