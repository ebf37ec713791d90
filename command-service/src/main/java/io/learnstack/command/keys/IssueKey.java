package io.learnstack.command.keys;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a new key to a tenant; only the secret's hash is ever stored. */
record IssueKey(@TargetAggregateIdentifier String aggregateId, String key, String tenant, String secretHash,
        List<String> roles, Instant at) implements KeyCommand {

    IssueKey(String key, String tenant, String secretHash, List<String> roles, Instant at) {
        this(KeyCommand.aggregateId(key), key, tenant, secretHash, roles, at);
    }
}
