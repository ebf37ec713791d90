package io.learnstack.query.documents;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** Reads the document resources' read model, every read by {@code _id}. */
@Component
class DocumentReader {

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> scopes;

    DocumentReader(MongoDatabase readModels) {
        this.documents = readModels.getCollection("documents");
        this.scopes = readModels.getCollection("document_scopes");
    }

    /**
     * @param registration a state's registration, or {@code null} for a state without one and for profiles
     */
    Optional<StoredDocument> find(String tenant, DocumentScope scope, String registration, String documentId) {
        Document found = documents.find(eq("_id", DocumentKeys.document(tenant, scope.kind(), scope.activityId(),
                scope.agentKey(), registration, documentId))).first();
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredDocument(found.getString("contentType"), found.get("content", Binary.class).getData(),
                found.getString("etag"), found.getDate("stored").toInstant()));
    }

    /**
     * The ids of a scope's documents, oldest first.
     *
     * @param registration only the states of this registration; {@code null} for states of any or no
     *                     registration, and for profiles
     * @param since        only documents stored after this time (exclusive); {@code null} for all
     */
    Listing list(String tenant, DocumentScope scope, String registration, Instant since) {
        Document found = scopes.find(eq("_id", DocumentKeys.scope(tenant, scope.kind(), scope.activityId(),
                scope.agentKey()))).first();
        Document entries = found == null ? null : found.get("entries", Document.class);
        if (entries == null) {
            return new Listing(List.of(), null);
        }
        List<Document> matching = new ArrayList<>();
        for (Object value : entries.values()) {
            Document entry = (Document) value;
            Instant stored = entry.getDate("stored").toInstant();
            if ((registration == null || registration.equals(entry.getString("registration")))
                    && (since == null || stored.isAfter(since))) {
                matching.add(entry);
            }
        }
        matching.sort(Comparator.comparing((Document entry) -> entry.getDate("stored"))
                .thenComparing(entry -> entry.getString("documentId")));
        // One state id may be stored under several registrations; a list names it once.
        Set<String> ids = new LinkedHashSet<>();
        matching.forEach(entry -> ids.add(entry.getString("documentId")));
        Instant lastModified = matching.isEmpty() ? null : matching.get(matching.size() - 1).getDate("stored").toInstant();
        return new Listing(List.copyOf(ids), lastModified);
    }

    /**
     * The answer to a list GET.
     *
     * @param documentIds  the ids, oldest first
     * @param lastModified when the newest of them was stored, or {@code null} when there is none
     */
    record Listing(List<String> documentIds, Instant lastModified) {
    }
}
