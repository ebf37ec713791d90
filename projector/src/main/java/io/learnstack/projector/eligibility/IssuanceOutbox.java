package io.learnstack.projector.eligibility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Issuance requests waiting to be sent to the command service, one document per (tenant, learner,
 * credential, eligibleAt). The id is that tuple, so recording a request again, on a redelivery or a
 * rebuild, changes nothing, and the command service's award id is name-based on the same tuple.
 * <p>
 * {@code nextAttempt} is wall-clock time: it schedules sending and is never read as eligibility.
 */
final class IssuanceOutbox {

    static final String COLLECTION = "eligibility_issuance";
    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String REJECTED = "rejected";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> requests;
    private final Clock clock;

    IssuanceOutbox(MongoDatabase readModels, Clock clock) {
        this.requests = readModels.getCollection(COLLECTION);
        this.clock = clock;
    }

    static String id(String tenant, String learnerKey, String credentialId, Instant eligibleAt) {
        return tenant + "|" + learnerKey + "|" + credentialId + "|" + eligibleAt;
    }

    /**
     * Records a request unless one for the same eligibility exists, whatever its state.
     *
     * @return whether it was new
     */
    boolean request(String tenant, String learnerKey, String credentialId, Instant eligibleAt) {
        return requests.updateOne(eq("_id", id(tenant, learnerKey, credentialId, eligibleAt)), Updates.combine(
                Updates.setOnInsert("tenant", tenant),
                Updates.setOnInsert("learnerKey", learnerKey),
                Updates.setOnInsert("credentialId", credentialId),
                Updates.setOnInsert("eligibleAt", eligibleAt.toString()),
                Updates.setOnInsert("state", PENDING),
                Updates.setOnInsert("attempts", 0),
                Updates.setOnInsert("nextAttempt", Date.from(clock.instant()))), UPSERT).getUpsertedId() != null;
    }

    /** Drops a request, sent or not, once the award it asked for is known. */
    void forget(String tenant, String learnerKey, String credentialId, Instant eligibleAt) {
        requests.deleteOne(eq("_id", id(tenant, learnerKey, credentialId, eligibleAt)));
    }

    /** Drops a request not sent yet whose eligibility no longer holds (an award came, or evidence left). */
    void withdraw(String tenant, String learnerKey, String credentialId, Instant eligibleAt) {
        requests.deleteOne(and(eq("_id", id(tenant, learnerKey, credentialId, eligibleAt)), eq("state", PENDING)));
    }
}
