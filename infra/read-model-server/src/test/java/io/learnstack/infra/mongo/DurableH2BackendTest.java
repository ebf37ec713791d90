package io.learnstack.infra.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableH2BackendTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsWrittenThroughTheEncodedIndexAreFoundByIdAfterReopening() {
        Path file = dataDir.resolve(ReadModelServer.STORE_FILE);
        withServer(new MongoServer(DurableH2Backend.open(file)), learners -> {
            for (int i = 0; i < 300; i++) {
                learners.insertOne(new Document("_id", "learner-" + i).append("credits", i));
            }
            learners.insertOne(new Document("_id", new Document("tenant", "demo").append("n", 1)).append("credits", -1));
            learners.insertOne(new Document("_id", 7).append("credits", 7));
        });

        withServer(new MongoServer(DurableH2Backend.open(file)), learners -> {
            assertThat(learners.find(eq("_id", "learner-123")).first()).containsEntry("credits", 123);
            assertThat(learners.find(eq("_id", new Document("tenant", "demo").append("n", 1))).first())
                    .containsEntry("credits", -1);
            // 7.0 and 7 are one _id, as the stock index has them.
            assertThat(learners.find(eq("_id", 7.0)).first()).containsEntry("credits", 7);
            learners.updateOne(eq("_id", "learner-5"), Updates.inc("credits", 100), new UpdateOptions().upsert(true));
            learners.replaceOne(eq("_id", "learner-6"), new Document("_id", "learner-6").append("credits", 0),
                    new ReplaceOptions().upsert(true));
            assertThat(learners.countDocuments()).isEqualTo(302);
            assertThat(learners.find(eq("_id", "learner-5")).first()).containsEntry("credits", 105);
            assertThat(learners.find(eq("_id", "learner-6")).first()).containsEntry("credits", 0);
        });
    }

    @Test
    void rewritesTheIndexesOfAFileFromBeforeInsteadOfMisreadingThem() {
        Path file = dataDir.resolve(ReadModelServer.STORE_FILE);
        withServer(new MongoServer(new H2Backend(file.toString())), learners -> {
            for (int i = 0; i < 200; i++) {
                learners.insertOne(new Document("_id", "learner-" + i).append("credits", i));
            }
        });

        withServer(new MongoServer(DurableH2Backend.open(file)), learners -> {
            assertThat(learners.find(eq("_id", "learner-42")).first()).containsEntry("credits", 42);
            // An upsert of an existing _id updates it: the rewritten index still knows every document.
            for (int i = 0; i < 200; i++) {
                learners.updateOne(eq("_id", "learner-" + i), Updates.inc("credits", 1),
                        new UpdateOptions().upsert(true));
            }
            assertThat(learners.countDocuments()).isEqualTo(200);
            assertThat(learners.find(eq("_id", "learner-42")).first()).containsEntry("credits", 43);
        });
    }

    @Test
    void refusesAFileWithAnIndexFormatItDoesNotKnow() {
        Path file = dataDir.resolve(ReadModelServer.STORE_FILE);
        MVStore store = MVStore.open(file.toString());
        store.openMap(DurableH2Backend.FORMAT_MAP).put(DurableH2Backend.INDEX_KEYS, 99);
        store.close();

        assertThatThrownBy(() -> DurableH2Backend.open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("indexKeys format 99");
    }

    @Test
    void compactionGivesBackTheSpaceOfSupersededPagesWhileTheStoreIsWritten() {
        // given a store written one small command at a time at random _ids, each command committed alone
        Path file = dataDir.resolve(ReadModelServer.STORE_FILE);
        DurableH2Backend backend = DurableH2Backend.open(file);
        withServer(new MongoServer(backend), learners -> {
            for (int i = 0; i < 3_000; i++) {
                learners.insertOne(new Document("_id", UUID.randomUUID().toString()).append("credits", i));
            }
            long before = sizeOf(file);

            // when it is compacted every so often, as the server does, once superseded chunks have aged
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                backend.compact();
                return sizeOf(file) < before / 4;
            });

            // then nothing was lost, and writes go on
            assertThat(learners.countDocuments()).isEqualTo(3_000);
            learners.insertOne(new Document("_id", "after").append("credits", 1));
        });

        withServer(new MongoServer(DurableH2Backend.open(file)), learners ->
                assertThat(learners.countDocuments(Filters.gte("credits", 0))).isEqualTo(3_001));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void withServer(MongoServer server, java.util.function.Consumer<MongoCollection<Document>> work) {
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("learnstack").getCollection("learners"));
        } finally {
            server.shutdownNow();
        }
    }
}
