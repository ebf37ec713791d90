package io.learnstack.command.keys;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import io.learnstack.security.MongoIssuedKeys;

/**
 * The projected keys, as every service instance authenticates them: the admin API answers only once its
 * change is there, so that the answer is followed, within the services' short lookup cache, by the effect.
 */
@Component
class KeyReadModel {

    private static final Duration POLL = Duration.ofMillis(20);

    private final MongoDatabase database;
    private final MongoCollection<Document> keys;
    private final Duration timeout;

    KeyReadModel(MongoClient client, MongoProperties properties,
            @Value("${learnstack.keys.projection-timeout:10s}") Duration timeout) {
        this.database = client.getDatabase(properties.getMongoClientDatabase());
        this.keys = database.getCollection(MongoIssuedKeys.COLLECTION);
        this.timeout = timeout;
    }

    MongoDatabase database() {
        return database;
    }

    /** A tenant's keys, revoked ones too, by name. Admin reads are rare and a tenant has few keys. */
    List<Document> ofTenant(String tenant) {
        return keys.find(eq("tenant", tenant)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Waits until the key's document satisfies {@code projected}; false if it did not in time. */
    boolean await(String key, Predicate<Document> projected) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Document document = keys.find(eq("_id", key)).first();
            if (document != null && projected.test(document)) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
