package io.learnstack.command.documents;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.events.DocumentDeleted;
import io.learnstack.events.DocumentStored;

/**
 * The documents of one scope (a state set, an activity's profiles or an agent's profiles) of one tenant.
 * It decides the ETag preconditions and merges, so a write is judged against the document as the last
 * accepted write left it. A write that would change nothing records nothing.
 * <p>
 * State documents are rewritten often, so the aggregate is snapshotted (as JSON, hence the field
 * visibility below); it keeps the content of JSON documents only, the only ones a merge reads.
 */
@Aggregate(snapshotTriggerDefinition = "documentSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class DocumentScopeAggregate {

    @AggregateIdentifier
    private String id;
    private SortedMap<String, Current> documents = new TreeMap<>();

    DocumentScopeAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    /** @return the document's entity tag */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(StoreDocument command) {
        Current current = documents.get(command.documentId());
        command.preconditions().check(etagOf(current), command.documentId());
        return store(command.scope(), command.documentId(), command.contentType(), command.content(),
                command.stored(), current);
    }

    /** @return the document's entity tag */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(MergeDocument command) {
        String documentId = command.documentId();
        Current current = documents.get(documentId);
        command.preconditions().check(etagOf(current), documentId);
        if (current == null) {
            return store(command.scope(), documentId, command.contentType(), command.content(), command.stored(),
                    null);
        }
        if (!DocumentContent.isJson(command.contentType())) {
            throw new InvalidStatementException("document '" + documentId + "' exists, and only a JSON object "
                    + "(Content-Type application/json) can be posted to merge into it, not " + command.contentType());
        }
        if (current.json() == null) {
            throw new InvalidStatementException("document '" + documentId + "' is stored as " + current.contentType()
                    + ", not as a JSON object, so nothing can merge into it; PUT to replace it");
        }
        ObjectNode merged = DocumentContent.object(current.json(), "stored document '" + documentId + "'");
        merged.setAll(DocumentContent.object(command.content(), "the posted document"));
        return store(command.scope(), documentId, DocumentContent.JSON_TYPE, DocumentContent.bytes(merged),
                command.stored(), current);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeleteDocument command) {
        Current current = documents.get(command.documentId());
        command.preconditions().check(etagOf(current), command.documentId());
        if (current != null) {
            apply(new DocumentDeleted(command.scope().tenant(), command.scope().address(command.documentId()),
                    command.deleted()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeleteDocuments command) {
        for (String documentId : new ArrayList<>(documents.keySet())) {
            apply(new DocumentDeleted(command.scope().tenant(), command.scope().address(documentId),
                    command.deleted()));
        }
    }

    private String store(DocumentScope scope, String documentId, String contentType, byte[] content,
            Instant stored, Current current) {
        String etag = Etags.of(content);
        if (current != null && current.etag().equals(etag) && current.contentType().equals(contentType)) {
            return etag;
        }
        apply(new DocumentStored(scope.tenant(), scope.address(documentId), contentType, content, etag, stored));
        return etag;
    }

    private static String etagOf(Current current) {
        return current == null ? null : current.etag();
    }

    @EventSourcingHandler
    void on(DocumentStored event) {
        if (id == null) {
            id = DocumentScope.of(event.tenant(), event.address()).aggregateId();
        }
        byte[] json = DocumentContent.isJson(event.contentType()) ? event.content() : null;
        documents.put(event.address().documentId(), new Current(event.contentType(), event.etag(), json));
    }

    @EventSourcingHandler
    void on(DocumentDeleted event) {
        documents.remove(event.address().documentId());
    }

    /**
     * A document as it stands.
     *
     * @param contentType its content type
     * @param etag        its entity tag
     * @param json        its content when it is a JSON document, otherwise {@code null}
     */
    record Current(String contentType, String etag, byte[] json) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Current that && contentType.equals(that.contentType) && etag.equals(that.etag)
                    && Arrays.equals(json, that.json);
        }

        @Override
        public int hashCode() {
            return 31 * contentType.hashCode() + etag.hashCode();
        }

        @Override
        public String toString() {
            return "Current[" + contentType + ", " + etag + "]";
        }
    }
}
