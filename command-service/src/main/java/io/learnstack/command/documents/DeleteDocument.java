package io.learnstack.command.documents;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete one document; deleting a document that does not exist changes nothing.
 *
 * @param scope         the scope of the document
 * @param documentId    the stateId or profileId
 * @param preconditions what the request asks of the current document
 * @param deleted       when the LRS accepted the request
 */
record DeleteDocument(DocumentScope scope, String documentId, Preconditions preconditions, Instant deleted)
        implements DocumentCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return scope.aggregateId();
    }
}
