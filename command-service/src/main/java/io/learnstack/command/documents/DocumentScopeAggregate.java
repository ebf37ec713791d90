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
import io.learnstack.events.DocumentAddress;
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
        Current current = documents.get(slot(command.scope(), command.documentId()));
        command.preconditions().check(etagOf(current), command.documentId());
        return store(command.scope(), command.documentId(), command.contentType(), command.content(),
                command.stored(), current);
    }

    /** @return the document's entity tag */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(MergeDocument command) {
        String documentId = command.documentId();
        Current current = documents.get(slot(command.scope(), documentId));
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
        Current current = documents.get(slot(command.scope(), command.documentId()));
        command.preconditions().check(etagOf(current), command.documentId());
        if (current != null) {
            apply(new DocumentDeleted(command.scope().tenant(), command.scope().address(command.documentId()),
                    command.deleted()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeleteDocuments command) {
        String registration = command.scope().registration();
        for (String slot : new ArrayList<>(documents.keySet())) {
            DocumentAddress address = addressOf(command.scope(), slot);
            // without a registration the request means the states of every registration
            if (registration == null || registration.equals(address.registration())) {
                apply(new DocumentDeleted(command.scope().tenant(), address, command.deleted()));
            }
        }
    }

    /** Where a document sits in the aggregate: its registration (states only) and its id. */
    private static String slot(DocumentScope scope, String documentId) {
        return slot(scope.registration(), documentId);
    }

    private static String slot(String registration, String documentId) {
        // a registration is a UUID, so the first '|' ends it
        return (registration == null ? "" : registration) + "|" + documentId;
    }

    private static DocumentAddress addressOf(DocumentScope scope, String slot) {
        int end = slot.indexOf('|');
        String registration = end == 0 ? null : slot.substring(0, end);
        return new DocumentAddress(scope.kind(), scope.activityId(), scope.agentKey(), registration,
                slot.substring(end + 1));
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
        documents.put(slot(event.address().registration(), event.address().documentId()), new Current(event.contentType(), event.etag(), json));
    }

    @EventSourcingHandler
    void on(DocumentDeleted event) {
        documents.remove(slot(event.address().registration(), event.address().documentId()));
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
