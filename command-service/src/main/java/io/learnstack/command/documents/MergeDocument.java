package io.learnstack.command.documents;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merge a JSON object into a document (a POST): its top-level properties replace those of the stored
 * JSON object; a document that does not exist yet is stored as sent.
 *
 * @param scope         the scope of the document
 * @param documentId    the stateId or profileId
 * @param contentType   the Content-Type the client sent
 * @param content       the posted bytes; a JSON object whenever the content type is JSON
 * @param preconditions what the request asks of the current document
 * @param stored        when the LRS accepted the request
 */
record MergeDocument(DocumentScope scope, String documentId, String contentType, byte[] content,
        Preconditions preconditions, Instant stored) implements DocumentCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return scope.aggregateId();
    }
}
