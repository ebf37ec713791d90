package io.learnstack.command.documents;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Store a document as sent, creating it or replacing the one there (a PUT, or a POST to a document that
 * does not exist yet).
 *
 * @param scope         the scope of the document
 * @param documentId    the stateId or profileId
 * @param contentType   the Content-Type the client sent
 * @param content       the document's bytes
 * @param preconditions what the request asks of the current document
 * @param stored        when the LRS accepted the request
 */
record StoreDocument(DocumentScope scope, String documentId, String contentType, byte[] content,
        Preconditions preconditions, Instant stored) implements DocumentCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return scope.aggregateId();
    }
}
