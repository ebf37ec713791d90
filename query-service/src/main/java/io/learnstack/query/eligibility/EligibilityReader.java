package io.learnstack.query.eligibility;

import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * Reads the eligibility read model the projector writes, every read by {@code _id}. A credential's
 * learners are kept in {@value #PAGES} pages ({@code _id} = tenant|credentialId|page), read together;
 * a single document {@code tenant|credentialId}, as written before pages, is read with them, so a read
 * model not yet rebuilt still answers.
 */
@Component
class EligibilityReader {

    static final int PAGES = 64;

    private final MongoCollection<Document> learners;
    private final MongoCollection<Document> credentials;
    private final MongoCollection<Document> catalogues;

    EligibilityReader(MongoDatabase readModels) {
        this.learners = readModels.getCollection("eligibility_learners");
        this.credentials = readModels.getCollection("eligibility_credentials");
        this.catalogues = readModels.getCollection("eligibility_catalogues");
    }

    /** A learner's evidence and statuses, if the learner has any evidence. */
    Optional<Document> learner(String tenant, String learnerKey) {
        return Optional.ofNullable(learners.find(eq("_id", tenant + "|" + learnerKey)).first());
    }

    /** The tenant's credentials by id, each with {@code name}, {@code revision} and {@code retired}. */
    Map<String, Document> catalogue(String tenant) {
        Document catalogue = catalogues.find(eq("_id", tenant)).first();
        Map<String, Document> byId = new LinkedHashMap<>();
        if (catalogue != null) {
            catalogue.getList("credentials", Document.class, List.of()).stream()
                    .filter(credential -> credential.getString("definition") != null)
                    .forEach(credential -> byId.put(credential.getString("credentialId"), credential));
        }
        return byId;
    }

    /** A credential's learners by status, as rows, with counts; an empty one before any learner is listed. */
    Document bucket(String tenant, String credentialId) {
        Document bucket = merged(tenant, credentialId, null);
        return bucket == null ? new Document("rows", new Document()).append("counts", new Document()) : bucket;
    }

    /** The buckets of the given credentials, by credential id. */
    Map<String, Document> buckets(String tenant, List<String> credentialIds) {
        return buckets(tenant, credentialIds, null);
    }

    /**
     * The counts by status of the given credentials' buckets, by credential id: what the funnel needs,
     * without the learners' rows, which are most of a bucket.
     */
    Map<String, Document> counts(String tenant, List<String> credentialIds) {
        return buckets(tenant, credentialIds, Projections.include("credentialId", "counts"));
    }

    // One lookup by _id per credential: the embedded server answers those from its index, where an $in
    // over _id would read every bucket of the collection.
    private Map<String, Document> buckets(String tenant, List<String> credentialIds, Bson projection) {
        Map<String, Document> byCredential = new LinkedHashMap<>();
        for (String credentialId : credentialIds) {
            Document bucket = merged(tenant, credentialId, projection);
            if (bucket != null) {
                byCredential.put(credentialId, bucket);
            }
        }
        return byCredential;
    }

    /** The credential's pages as one bucket: rows together, counts summed; {@code null} when it has none. */
    private Document merged(String tenant, String credentialId, Bson projection) {
        Document rows = new Document();
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean found = false;
        for (int page = -1; page < PAGES; page++) {
            String id = tenant + "|" + credentialId + (page < 0 ? "" : "|" + page);
            Document stored = credentials.find(eq("_id", id)).projection(projection).first();
            if (stored == null) {
                continue;
            }
            found = true;
            rows.putAll(stored.get("rows", new Document()));
            stored.get("counts", new Document()).forEach((status, count) ->
                    counts.merge(status, ((Number) count).intValue(), Integer::sum));
        }
        return found ? new Document("credentialId", credentialId).append("rows", rows)
                .append("counts", new Document(counts)) : null;
    }
}
