package io.learnstack.query.catalogue;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Reads a tenant's credential catalogue as the projector lays it out: one list document per tenant and
 * one document per credential, each read by {@code _id}.
 */
@Component
class CatalogueReader {

    private final MongoCollection<Document> credentials;
    private final MongoCollection<Document> lists;

    CatalogueReader(MongoDatabase readModels) {
        this.credentials = readModels.getCollection("credential_catalogue");
        this.lists = readModels.getCollection("credential_catalogue_lists");
    }

    /** Every credential of the tenant, retired ones too, by id: its definition, revision, retirement and times. */
    List<Map<String, Object>> list(String tenant) {
        Document list = lists.find(eq("_id", tenant)).first();
        return list == null ? List.of() : List.copyOf(list.getList("rows", Document.class));
    }

    /** One credential as the list shows it, plus the time of each of its revisions. */
    Optional<Map<String, Object>> find(String tenant, String credentialId) {
        Document credential = credentials.find(eq("_id", tenant + "|" + credentialId)).first();
        if (credential == null) {
            return Optional.empty();
        }
        Document answer = new Document(credential.get("definition", Document.class))
                .append("retired", credential.getBoolean("retired", false))
                .append("defined", credential.get("defined"))
                .append("revised", credential.get("revised"));
        if (credential.get("retiredAt") != null) {
            answer.append("retiredAt", credential.get("retiredAt"));
        }
        answer.append("revisions", credential.getList("revisions", Document.class));
        return Optional.of(answer);
    }
}
