package io.learnstack.projector.awards;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;
import io.learnstack.events.IssuerKeyPublished;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * Awarded credentials and the issuers' public keys, read by the public credential pages and the
 * verifier. An award is one document under its id, with its status: {@code issued}, then {@code revoked}
 * or {@code expired}; a revocation outranks an expiry whatever their order. An issuer is one document
 * under its tenant, holding every key it published. Each write sets values the events decide, so a
 * redelivered event writes what is already there.
 */
@Component
class AwardProjection implements Projection {

    static final String AWARDS = "awards";
    static final String ISSUER_KEYS = "issuer_keys";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> awards;
    private final MongoCollection<Document> issuerKeys;

    AwardProjection(MongoDatabase readModels) {
        this.awards = readModels.getCollection(AWARDS);
        this.issuerKeys = readModels.getCollection(ISSUER_KEYS);
    }

    @Override
    public Set<String> collections() {
        return Set.of(AWARDS, ISSUER_KEYS);
    }

    @Override
    public void apply(List<Envelope> batch) {
        List<WriteModel<Document>> awardWrites = new ArrayList<>();
        List<WriteModel<Document>> keyWrites = new ArrayList<>();
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof CredentialIssued issued) {
                awardWrites.add(issued(issued));
            } else if (envelope.event() instanceof CredentialRevoked revoked) {
                awardWrites.add(revoked(revoked));
            } else if (envelope.event() instanceof CredentialExpired expired) {
                awardWrites.add(expired(expired));
            } else if (envelope.event() instanceof IssuerKeyPublished published) {
                keyWrites.add(published(published));
            }
        }
        // ordered: a learner's revocation follows its issuance within the batch
        if (!awardWrites.isEmpty()) {
            awards.bulkWrite(awardWrites);
        }
        if (!keyWrites.isEmpty()) {
            issuerKeys.bulkWrite(keyWrites);
        }
    }

    private static WriteModel<Document> issued(CredentialIssued event) {
        // the status is set on insert only: a redelivered issuance must not undo a later revocation
        List<Bson> values = new ArrayList<>(List.of(
                Updates.setOnInsert("status", "issued"),
                Updates.set("tenant", event.tenant()),
                Updates.set("learnerKey", event.learnerKey()),
                Updates.set("credentialId", event.credentialId()),
                Updates.set("revision", event.revision()),
                Updates.set("approvedBy", event.approvedBy()),
                Updates.set("eligibleAt", Date.from(event.eligibleAt())),
                Updates.set("validFrom", Date.from(event.validFrom())),
                Updates.set("validUntil", event.validUntil() == null ? null : Date.from(event.validUntil())),
                Updates.set("signedCredential", event.signedCredential())));
        return new UpdateOneModel<>(eq("_id", event.awardId()), Updates.combine(values), UPSERT);
    }

    private static WriteModel<Document> revoked(CredentialRevoked event) {
        return new UpdateOneModel<>(eq("_id", event.awardId()), Updates.combine(
                Updates.set("status", "revoked"),
                Updates.set("revoked", Date.from(event.revoked())),
                Updates.set("revocationReason", event.reason()),
                Updates.set("revokedBy", event.revokedBy())), UPSERT);
    }

    private static WriteModel<Document> expired(CredentialExpired event) {
        return new UpdateOneModel<>(and(eq("_id", event.awardId()), ne("status", "revoked")), Updates.combine(
                Updates.set("status", "expired"),
                Updates.set("expired", Date.from(event.expired()))));
    }

    private static WriteModel<Document> published(IssuerKeyPublished event) {
        Document key = new Document("keyId", event.keyId())
                .append("algorithm", event.algorithm())
                .append("jwk", event.publicKey())
                .append("published", Date.from(event.published()));
        // key ids are base64url thumbprints: no '.' or '$' to clash with field paths
        return new UpdateOneModel<>(eq("_id", event.tenant()), Updates.combine(
                Updates.set("tenant", event.tenant()),
                Updates.set("keys." + event.keyId(), key)), UPSERT);
    }
}
