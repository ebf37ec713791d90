package io.learnstack.command.keys;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke a key for good. */
record RevokeKey(@TargetAggregateIdentifier String aggregateId, String key, Instant at) implements KeyCommand {

    RevokeKey(String key, Instant at) {
        this(KeyCommand.aggregateId(key), key, at);
    }
}
