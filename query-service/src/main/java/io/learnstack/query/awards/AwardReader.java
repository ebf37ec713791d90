package io.learnstack.query.awards;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** Reads awards and issuer keys, each by {@code _id}. */
@Component
class AwardReader {

    private final MongoCollection<Document> awards;
    private final MongoCollection<Document> issuerKeys;

    AwardReader(MongoDatabase readModels) {
        this.awards = readModels.getCollection("awards");
        this.issuerKeys = readModels.getCollection("issuer_keys");
    }

    Optional<Award> award(String awardId) {
        Document found = awards.find(eq("_id", awardId)).first();
        if (found == null || found.getString("signedCredential") == null) {
            return Optional.empty();
        }
        return Optional.of(new Award(awardId, found.getString("tenant"), found.getString("learnerKey"),
                found.getString("credentialId"), found.getString("status"), instant(found.getDate("validFrom")),
                instant(found.getDate("validUntil")), found.getString("signedCredential")));
    }

    /** @return the tenant's public keys as JWK text by key id, oldest first; empty when it published none */
    Map<String, String> keys(String tenant) {
        Document found = issuerKeys.find(eq("_id", tenant)).first();
        Map<String, String> keys = new LinkedHashMap<>();
        Document byId = found == null ? null : found.get("keys", Document.class);
        if (byId != null) {
            byId.values().stream().map(Document.class::cast)
                    .sorted((a, b) -> a.getDate("published").compareTo(b.getDate("published")))
                    .forEach(key -> keys.put(key.getString("keyId"), key.getString("jwk")));
        }
        return keys;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
