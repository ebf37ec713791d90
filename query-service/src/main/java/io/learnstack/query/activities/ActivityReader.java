package io.learnstack.query.activities;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/** Reads the activities read model by {@code _id}. */
@Component
class ActivityReader {

    private final MongoCollection<Document> activities;

    ActivityReader(MongoDatabase readModels) {
        this.activities = readModels.getCollection("activities");
    }

    /** The Activity object as JSON text, if any statement of the tenant named the activity. */
    Optional<String> find(String tenant, String activityId) {
        Document found = activities.find(eq("_id", documentId(tenant, activityId)))
                .projection(Projections.include("json")).first();
        return Optional.ofNullable(found).map(document -> document.getString("json"));
    }

    /** An activity document's id: tenant and activity id, as the projector writes it. */
    static String documentId(String tenant, String activityId) {
        return tenant + "/" + activityId;
    }
}
