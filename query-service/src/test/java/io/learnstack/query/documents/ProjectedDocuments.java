package io.learnstack.query.documents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.learnstack.events.DocumentKind;

/** Writes documents into a read model the way the projector lays them out. */
final class ProjectedDocuments {

    private final MongoDatabase readModels;
    private final String tenant;

    ProjectedDocuments(MongoDatabase readModels, String tenant) {
        this.readModels = readModels;
        this.tenant = tenant;
    }

    void store(DocumentScope scope, String registration, String documentId, String contentType, String content,
            String etag, Instant stored) {
        String id = DocumentKeys.document(tenant, scope.kind(), scope.activityId(), scope.agentKey(), registration, documentId);
        readModels.getCollection("documents").replaceOne(new Document("_id", id), new Document("tenant", tenant)
                .append("kind", scope.kind().name())
                .append("activityId", scope.activityId())
                .append("agentKey", scope.agentKey())
                .append("registration", registration)
                .append("documentId", documentId)
                .append("contentType", contentType)
                .append("content", new Binary(content.getBytes(StandardCharsets.UTF_8)))
                .append("etag", etag)
                .append("stored", Date.from(stored)), new ReplaceOptions().upsert(true));
        readModels.getCollection("document_scopes").updateOne(
                new Document("_id", DocumentKeys.scope(tenant, scope.kind(), scope.activityId(), scope.agentKey())),
                Updates.set("entries." + DocumentKeys.entry(documentId, registration), new Document("documentId", documentId)
                        .append("registration", registration)
                        .append("stored", Date.from(stored))),
                new UpdateOptions().upsert(true));
    }

    static DocumentScope state(String activityId, String agentKey) {
        return new DocumentScope(DocumentKind.STATE, activityId, agentKey);
    }

    static DocumentScope activityProfile(String activityId) {
        return new DocumentScope(DocumentKind.ACTIVITY_PROFILE, activityId, null);
    }

    static DocumentScope agentProfile(String agentKey) {
        return new DocumentScope(DocumentKind.AGENT_PROFILE, null, agentKey);
    }
}
