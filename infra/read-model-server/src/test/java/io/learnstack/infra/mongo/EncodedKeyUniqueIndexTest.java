package io.learnstack.infra.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedKeyUniqueIndexTest {

    @TempDir
    Path dataDir;

    private final EncodedKeyUniqueIndex byId = new EncodedKeyUniqueIndex(
            DurableH2Backend.openIndexMap(new MVStore.Builder().open(), "_id_"), "_id_",
            List.of(new IndexKey("_id", true)), false);

    @Test
    void answersAQueryOnItsKeyWithOtherFieldsBeside() {
        assertThat(byId.canHandle(query("_id", "demo|ada"))).isTrue();
        assertThat(byId.canHandle(query("_id", "demo|ada").append("version", 3))).isTrue();
        assertThat(byId.canHandle(query("_id", "demo|ada").append("status",
                new de.bwaldvogel.mongo.bson.Document("$ne", "revoked")))).isTrue();
    }

    @Test
    void answersTheDriversAndOfAConditionOnItsKeyAndOthers() {
        // The Java driver writes and(...) as an $and of its clauses, never as one flat document.
        org.bson.BsonDocument written = and(eq("_id", "demo|ada"), eq("version", 3)).toBsonDocument();
        assertThat(written.containsKey("$and")).isTrue();

        assertThat(byId.canHandle(query("$and", List.of(query("_id", "demo|ada"), query("version", 3))))).isTrue();
        assertThat(byId.canHandle(query("$and", List.of(query("version", 3),
                query("$and", List.of(query("_id", "demo|ada"), query("status", "active"))))))).isTrue();
        assertThat(byId.canHandle(query("$and", List.of(query("version", 3), query("status", "active"))))).isFalse();
        assertThat(byId.canHandle(query("$or", List.of(query("_id", "demo|ada"), query("version", 3))))).isFalse();
    }

    @Test
    void leavesQueriesItCannotNarrowToTheCollection() {
        assertThat(byId.canHandle(query("version", 3))).isFalse();
        assertThat(byId.canHandle(query("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "demo|"))
                .append("version", 3))).isFalse();
    }

    @Test
    void conditionalWritesThroughTheIndexMatchTheWholeQuery() {
        MongoServer server = new MongoServer(DurableH2Backend.open(dataDir.resolve(ReadModelServer.STORE_FILE)));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> learners = client.getDatabase("learnstack").getCollection("learners");
            for (int i = 0; i < 50; i++) {
                learners.insertOne(new Document("_id", "learner-" + i).append("version", 1).append("status", "active"));
            }

            // the version read matches: written
            assertThat(learners.replaceOne(and(eq("_id", "learner-7"), eq("version", 1)),
                    new Document("_id", "learner-7").append("version", 2)).getModifiedCount()).isEqualTo(1);
            // another writer got there first: not written, and no second document under the _id
            assertThat(learners.replaceOne(and(eq("_id", "learner-7"), eq("version", 1)),
                    new Document("_id", "learner-7").append("version", 9)).getModifiedCount()).isZero();
            assertThat(learners.updateOne(and(eq("_id", "learner-8"), ne("status", "active")),
                    Updates.set("status", "revoked")).getMatchedCount()).isZero();
            assertThat(learners.updateOne(and(in("_id", List.of("learner-8", "learner-9")), eq("status", "active")),
                    Updates.set("status", "paused")).getModifiedCount()).isEqualTo(1);
            assertThat(learners.find(and(eq("_id", "learner-7"), gt("version", 1))).first())
                    .containsEntry("version", 2);
            assertThat(learners.find(and(eq("_id", "learner-7"), gt("version", 2))).first()).isNull();
            assertThat(learners.replaceOne(and(eq("_id", "learner-99"), eq("version", 0)),
                    new Document("_id", "learner-99").append("version", 1), new ReplaceOptions().upsert(true))
                    .getUpsertedId()).isNotNull();
            assertThat(learners.countDocuments()).isEqualTo(51);
            assertThat(learners.find(eq("_id", "learner-7")).first()).containsEntry("version", 2);
            assertThat(learners.find(eq("_id", "learner-8")).first()).containsEntry("status", "paused");
        } finally {
            server.shutdownNow();
        }
    }

    private static de.bwaldvogel.mongo.bson.Document query(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }
}
