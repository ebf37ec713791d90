package io.learnstack.projector.documents;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.DocumentAddress;
import io.learnstack.events.DocumentEvent;
import io.learnstack.events.DocumentStored;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * The read model of the three xAPI document resources: one document per xAPI document (its bytes, content
 * type, ETag and time), and one scope document per activity/agent/state set that lists its documents
 * with their times, for the list GETs. Both are found by {@link DocumentKeys} ids alone.
 * <p>
 * A scope's events all travel on one partition, in order. The scope document records, with the scope's
 * writes, the last offset it applied from each partition, and a redelivered event at or below it is
 * skipped: replaying a batch cannot put back an older version or a deleted document. Only a crash between
 * the document writes and the scope write leaves offsets unrecorded; their redelivery then applies the
 * same events again, in order, and ends where the first delivery did.
 */
@Component
class DocumentProjection implements Projection {

    static final String DOCUMENTS = "documents";
    static final String SCOPES = "document_scopes";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> scopes;
    private final Counter projected;

    DocumentProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.documents = readModels.getCollection(DOCUMENTS);
        this.scopes = readModels.getCollection(SCOPES);
        this.projected = meters.counter("learnstack.projection.documents.applied");
    }

    @Override
    public Set<String> collections() {
        return Set.of(DOCUMENTS, SCOPES);
    }

    @Override
    public void apply(List<Envelope> batch) {
        Map<String, List<Envelope>> byScope = new LinkedHashMap<>();
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof DocumentEvent event) {
                byScope.computeIfAbsent(DocumentKeys.scope(event.tenant(), event.address()), id -> new ArrayList<>())
                        .add(envelope);
            }
        }
        if (byScope.isEmpty()) {
            return;
        }
        Map<String, Document> knownScopes = new HashMap<>();
        scopes.find(in("_id", new ArrayList<>(byScope.keySet()))).projection(Projections.include("applied"))
                .forEach(scope -> knownScopes.put(scope.getString("_id"), scope));

        List<WriteModel<Document>> documentWrites = new ArrayList<>();
        List<WriteModel<Document>> scopeWrites = new ArrayList<>();
        byScope.forEach((scopeId, events) -> {
            Map<String, DocumentEvent> latest = latestPerDocument(events, knownScopes.get(scopeId));
            if (!latest.isEmpty()) {
                latest.forEach((documentId, event) -> documentWrites.add(documentWrite(documentId, event)));
                scopeWrites.add(scopeWrite(scopeId, latest.values(), events));
            }
        });
        if (documentWrites.isEmpty()) {
            return;
        }
        // Documents first, so a scope never records offsets whose documents were not written.
        documents.bulkWrite(documentWrites, UNORDERED);
        scopes.bulkWrite(scopeWrites, UNORDERED);
        projected.increment(documentWrites.size());
    }

    /** The last event of each document among those the scope has not applied yet, by document id. */
    private static Map<String, DocumentEvent> latestPerDocument(List<Envelope> events, Document scope) {
        Document applied = scope == null ? null : scope.get("applied", Document.class);
        Map<String, DocumentEvent> latest = new LinkedHashMap<>();
        for (Envelope envelope : events) {
            Number appliedOffset = applied == null ? null : applied.get(partitionField(envelope), Number.class);
            if (appliedOffset != null && envelope.offset() <= appliedOffset.longValue()) {
                continue;
            }
            DocumentEvent event = (DocumentEvent) envelope.event();
            String documentId = DocumentKeys.document(event.tenant(), event.address());
            latest.remove(documentId);
            latest.put(documentId, event);
        }
        return latest;
    }

    private static WriteModel<Document> documentWrite(String documentId, DocumentEvent event) {
        if (event instanceof DocumentStored stored) {
            return new ReplaceOneModel<>(eq("_id", documentId), toDocument(stored), REPLACE_OR_INSERT);
        }
        return new DeleteOneModel<>(eq("_id", documentId));
    }

    private static Document toDocument(DocumentStored stored) {
        DocumentAddress address = stored.address();
        return new Document("tenant", stored.tenant())
                .append("kind", address.kind().name())
                .append("activityId", address.activityId())
                .append("agentKey", address.agentKey())
                .append("registration", address.registration())
                .append("documentId", address.documentId())
                .append("contentType", stored.contentType())
                .append("content", new Binary(stored.content()))
                .append("etag", stored.etag())
                .append("stored", Date.from(stored.stored()));
    }

    /**
     * Lists stored documents under their entries, drops deleted ones, and records the offsets applied.
     * The scope's own fields are set on insert only: every event of the scope carries the same.
     */
    private static WriteModel<Document> scopeWrite(String scopeId, Iterable<DocumentEvent> latest,
            List<Envelope> events) {
        List<Bson> updates = new ArrayList<>();
        DocumentEvent first = (DocumentEvent) events.get(0).event();
        DocumentAddress scope = first.address();
        updates.add(Updates.setOnInsert("tenant", first.tenant()));
        updates.add(Updates.setOnInsert("kind", scope.kind().name()));
        updates.add(Updates.setOnInsert("activityId", scope.activityId()));
        updates.add(Updates.setOnInsert("agentKey", scope.agentKey()));
        for (DocumentEvent event : latest) {
            DocumentAddress address = event.address();
            String field = "entries." + DocumentKeys.entry(address.documentId(), address.registration());
            if (event instanceof DocumentStored stored) {
                updates.add(Updates.set(field, new Document("documentId", address.documentId())
                        .append("registration", address.registration())
                        .append("stored", Date.from(stored.stored()))));
            } else {
                updates.add(Updates.unset(field));
            }
        }
        Map<String, Long> lastOffsets = new LinkedHashMap<>();
        events.forEach(envelope -> lastOffsets.merge(partitionField(envelope), envelope.offset(), Math::max));
        lastOffsets.forEach((partition, offset) -> updates.add(Updates.max("applied." + partition, offset)));
        return new UpdateOneModel<>(eq("_id", scopeId), Updates.combine(updates), UPSERT);
    }

    private static String partitionField(Envelope envelope) {
        return envelope.topic().replace('.', '_') + "-" + envelope.partition();
    }
}
