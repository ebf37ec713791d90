package io.learnstack.command.keys;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a key a new secret, which replaces the old one. */
record RotateKeySecret(@TargetAggregateIdentifier String aggregateId, String key, String secretHash, Instant at)
        implements KeyCommand {

    RotateKeySecret(String key, String secretHash, Instant at) {
        this(KeyCommand.aggregateId(key), key, secretHash, at);
    }
}
