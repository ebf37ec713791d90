package io.learnstack.command.keys;

/** A change to one issued key; each key is its own aggregate. */
sealed interface KeyCommand permits IssueKey, RotateKeySecret, RevokeKey {

    /** The key. */
    String key();

    /** Keys share the event store's aggregate ids with every other aggregate: the prefix keeps them apart. */
    static String aggregateId(String key) {
        return "client-key:" + key;
    }
}
