package io.learnstack.command.documents;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete every document of a scope (a state DELETE without stateId).
 *
 * @param scope   the scope whose documents go
 * @param deleted when the LRS accepted the request
 */
record DeleteDocuments(DocumentScope scope, Instant deleted) implements DocumentCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return scope.aggregateId();
    }
}
