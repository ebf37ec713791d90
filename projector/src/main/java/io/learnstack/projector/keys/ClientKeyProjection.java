package io.learnstack.projector.keys;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import io.learnstack.events.ClientKeyEvent;
import io.learnstack.events.ClientKeyIssued;
import io.learnstack.events.ClientKeyRevoked;
import io.learnstack.events.ClientKeySecretRotated;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * Keys issued through the admin API, one document per key ({@code _id} = the key), which both services read
 * at every authentication they do not find in their configuration.
 * <p>
 * Idempotent without offsets: a key is created once, a secret replaces the document's only when its
 * generation is higher, and revocation is final. Redelivered or replayed events therefore change nothing,
 * and an older secret can never come back.
 */
@Component
class ClientKeyProjection implements Projection {

    /** The collection both services' {@code MongoIssuedKeys} read. */
    static final String COLLECTION = "client_keys";

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> keys;

    ClientKeyProjection(MongoDatabase readModels) {
        this.keys = readModels.getCollection(COLLECTION);
    }

    @Override
    public Set<String> collections() {
        return Set.of(COLLECTION);
    }

    @Override
    public void apply(List<Envelope> batch) {
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof ClientKeyEvent event) {
                Document current = keys.find(eq("_id", event.key())).first();
                Document next = take(current, event);
                if (next != current) {
                    keys.replaceOne(eq("_id", event.key()), next, REPLACE_OR_INSERT);
                }
            }
        }
    }

    /** The key's document after the event: {@code current} itself when the event changes nothing. */
    static Document take(Document current, ClientKeyEvent event) {
        if (event instanceof ClientKeyIssued issued) {
            if (current != null) {
                return current;
            }
            return new Document("_id", issued.key())
                    .append("tenant", issued.tenant())
                    .append("secretHash", issued.secretHash())
                    .append("generation", 1)
                    .append("roles", issued.roles())
                    .append("revoked", false)
                    .append("issued", issued.at().toString())
                    .append("rotated", null)
                    .append("revokedAt", null);
        }
        if (current == null || current.getBoolean("revoked", false)) {
            // Revocation is final; an event for a key never issued has nothing to change.
            return current;
        }
        if (event instanceof ClientKeySecretRotated rotated) {
            if (rotated.generation() <= current.getInteger("generation", 1)) {
                return current;
            }
            return new Document(current).append("secretHash", rotated.secretHash())
                    .append("generation", rotated.generation())
                    .append("rotated", rotated.at().toString());
        }
        ClientKeyRevoked revoked = (ClientKeyRevoked) event;
        // The hash goes too: a revoked key's document can open nothing whoever reads it.
        return new Document(current).append("revoked", true).append("secretHash", null)
                .append("revokedAt", revoked.at().toString());
    }
}
