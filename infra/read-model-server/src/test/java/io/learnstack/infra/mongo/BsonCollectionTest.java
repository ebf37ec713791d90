package io.learnstack.infra.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BsonCollectionTest {

    @TempDir
    Path dataDir;

    private Path file() {
        return dataDir.resolve(ReadModelServer.STORE_FILE);
    }

    /** One document holding every type a client can send, each also as an {@code _id} of its own document. */
    private static BsonDocument everyType() {
        return new BsonDocument("_id", new BsonString("every-type"))
                .append("string", new BsonString("grüße \u0000 zero and 😀"))
                .append("int", new BsonInt32(-7))
                .append("long", new BsonInt64(1L << 60))
                .append("double", new BsonDouble(0.1))
                .append("nan", new BsonDouble(Double.NaN))
                .append("true", BsonBoolean.TRUE)
                .append("false", BsonBoolean.FALSE)
                .append("null", BsonNull.VALUE)
                .append("date", new BsonDateTime(1_764_000_000_123L))
                .append("objectId", new BsonObjectId(new ObjectId("5f1a2b3c4d5e6f7a8b9c0d1e")))
                .append("binary", new BsonBinary(new byte[] {0, 1, (byte) 0xFF}))
                .append("emptyBinary", new BsonBinary(new byte[0]))
                .append("uuid", new BsonBinary(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                        UuidRepresentation.STANDARD))
                .append("legacyUuid", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[] {
                        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
                .append("decimal", new BsonDecimal128(Decimal128.parse("-12345.678901234567890")))
                .append("nested", new BsonDocument("a", new BsonDocument("b", new BsonArray(List.of(
                        new BsonInt32(1), new BsonString("two"), new BsonDocument("three", new BsonInt64(3)),
                        new BsonArray())))).append("empty", new BsonDocument()))
                .append("array", new BsonArray(List.of(BsonNull.VALUE, new BsonDouble(-0.0),
                        new BsonArray(List.of(new BsonInt32(1))))))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey())
                .append("regex", new BsonRegularExpression("^a.*b$", "im"))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 42))
                .append("javaScript", new BsonJavaScript("function() { return 1; }"));
    }

    @Test
    void everyTypeComesBackExactlyAfterReopening() {
        BsonDocument everyType = everyType();
        List<BsonValue> ids = new ArrayList<>();
        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            var documents = database.getCollection("documents", BsonDocument.class);
            documents.insertOne(everyType);
            for (Map.Entry<String, BsonValue> field : everyType.entrySet()) {
                // MongoDB takes neither arrays nor regular expressions as _id.
                if (!List.of("_id", "nan", "array", "regex").contains(field.getKey())) {
                    ids.add(field.getValue());
                    documents.insertOne(new BsonDocument("_id", field.getValue()).append("field",
                            new BsonString(field.getKey())));
                }
            }
            assertThat(documents.find(eq("_id", "every-type")).first()).isEqualTo(everyType);
        });

        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            var documents = database.getCollection("documents", BsonDocument.class);
            assertThat(documents.find(eq("_id", "every-type")).first()).isEqualTo(everyType);
            for (BsonValue id : ids) {
                assertThat(documents.find(eq("_id", id)).first()).as("_id %s", id).isNotNull()
                        .extracting(found -> found.get("_id")).isEqualTo(id);
            }
            assertThat(documents.countDocuments()).isEqualTo(ids.size() + 1);
        });
    }

    @Test
    void naturalOrderFollowsTheIdsBothWays() {
        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            var learners = database.getCollection("learners");
            for (int i : new int[] {5, 3, 9, 1, 7}) {
                learners.insertOne(new Document("_id", i).append("rank", 10 - i));
            }
            learners.insertOne(new Document("_id", "a string").append("rank", 100));
            learners.insertOne(new Document("_id", new Document("tenant", "demo")).append("rank", -100));
        });

        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            var learners = database.getCollection("learners");
            // MongoDB's order of types: numbers, then strings, then documents.
            List<Object> ascending = List.of(1, 3, 5, 7, 9, "a string", new Document("tenant", "demo"));
            assertThat(ids(learners.find())).isEqualTo(ascending);
            List<Object> descending = new ArrayList<>(ascending);
            java.util.Collections.reverse(descending);
            assertThat(ids(learners.find().sort(Sorts.descending("$natural")))).isEqualTo(descending);
            assertThat(ids(learners.find().sort(Sorts.ascending("rank"))))
                    .isEqualTo(List.of(new Document("tenant", "demo"), 9, 7, 5, 3, 1, "a string"));
            assertThat(ids(learners.find(eq("rank", 5)))).isEqualTo(List.of(5));
        });
    }

    @Test
    void collectionsDroppedAndIndexesCreatedStayThatWayAfterReopening() {
        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            var learners = database.getCollection("learners");
            learners.insertOne(new Document("_id", "old").append("email", "a@example.org"));
            learners.drop();
            learners.insertOne(new Document("_id", "new").append("email", "a@example.org"));
            learners.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            database.getCollection("gone").insertOne(new Document("_id", 1));
            database.getCollection("gone").drop();
        });

        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            var learners = database.getCollection("learners");
            assertThat(ids(learners.find())).isEqualTo(List.of("new"));
            assertThat(database.listCollectionNames()).containsExactly("learners");
            // The index's description lives in a collection without _ids, keyed by random UUIDs.
            assertThatThrownBy(() -> learners.insertOne(new Document("_id", "other").append("email", "a@example.org")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void aDroppedDatabaseStaysDroppedAfterReopening() {
        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            database.getCollection("learners").insertOne(new Document("_id", "dropped"));
            database.drop();
            database.getCollection("fresh").insertOne(new Document("_id", "kept"));
        });

        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> {
            assertThat(database.listCollectionNames()).containsExactly("fresh");
            assertThat(ids(database.getCollection("fresh").find())).isEqualTo(List.of("kept"));
        });
    }

    @Test
    void rewritesTheDocumentsOfAFileFromBeforeSoEveryOneIsFoundByIdAndByScan() {
        List<Object> ids = storeWithTheStockBackend();

        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> assertHoldsStockDocuments(database, ids));
        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> assertHoldsStockDocuments(database, ids));
    }

    @Test
    void rewritesTheDocumentsOfAFileWhoseIndexesAreAlreadyEncoded() {
        List<Object> ids = storeWithTheStockBackend();
        // The form of the previous version: stock documents, indexes keyed by bytes.
        MVStore store = MVStore.open(file().toString());
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.contains("._index_") && !name.startsWith("databases.") && !name.startsWith("meta.")) {
                MVMap<Object, Object> stored = store.openMap(name);
                Map<Object, Object> entries = Map.copyOf(stored);
                store.removeMap(stored);
                MVMap<byte[], Object> encoded = DurableH2Backend.openIndexMap(store, name);
                entries.forEach((key, position) -> encoded.put(IndexKeyCodec.encode((KeyValue) key), position));
            }
        }
        store.openMap(DurableH2Backend.FORMAT_MAP).put(DurableH2Backend.INDEX_KEYS, DurableH2Backend.ENCODED_INDEX_KEYS);
        store.close();

        withDatabase(new MongoServer(DurableH2Backend.open(file())), database -> assertHoldsStockDocuments(database, ids));
    }

    @Test
    void refusesAFileWithADocumentFormatItDoesNotKnow() {
        MVStore store = MVStore.open(file().toString());
        store.openMap(DurableH2Backend.FORMAT_MAP).put(DurableH2Backend.DOCUMENTS, 2);
        store.close();

        assertThatThrownBy(() -> DurableH2Backend.open(file()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("documents format 2");
    }

    @Test
    void refusesAFileWithAFormatPartItDoesNotKnow() {
        withDatabase(new MongoServer(DurableH2Backend.open(file())), database ->
                database.getCollection("learners").insertOne(new Document("_id", 1)));
        MVStore store = MVStore.open(file().toString());
        store.openMap(DurableH2Backend.FORMAT_MAP).put("compressedPages", 1);
        store.close();

        assertThatThrownBy(() -> DurableH2Backend.open(file()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("compressedPages format 1");
    }

    /** Documents written by the stock backend, under {@code _id}s of several types; their {@code _id}s. */
    private List<Object> storeWithTheStockBackend() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add("learner-" + i);
        }
        ids.addAll(List.of(42, 7L, 2.5, new ObjectId("5f1a2b3c4d5e6f7a8b9c0d1e"),
                new Document("tenant", "demo").append("learner", "x")));
        withDatabase(new MongoServer(new H2Backend(file().toString())), database -> {
            var learners = database.getCollection("learners");
            for (Object id : ids) {
                learners.insertOne(new Document("_id", id).append("credits", 1)
                        .append("profile", new Document("since", new java.util.Date(1_764_000_000_000L))
                                .append("tags", List.of("a", "b"))));
            }
            database.getCollection("events").insertOne(new Document("_id", "e1").append("n", 1));
        });
        return ids;
    }

    private static void assertHoldsStockDocuments(MongoDatabase database, List<Object> ids) {
        var learners = database.getCollection("learners");
        for (Object id : ids) {
            Document found = learners.find(eq("_id", id)).first();
            assertThat(found).as("_id %s", id).isNotNull().containsEntry("credits", 1);
            assertThat(found.get("profile", Document.class))
                    .containsEntry("since", new java.util.Date(1_764_000_000_000L))
                    .containsEntry("tags", List.of("a", "b"));
        }
        assertThat(learners.countDocuments(eq("credits", 1))).isEqualTo(ids.size());
        assertThat(database.getCollection("events").find(eq("_id", "e1")).first()).containsEntry("n", 1);
        // An upsert of every _id finds the document the rewritten map holds under it.
        for (Object id : ids) {
            learners.updateOne(eq("_id", id), new Document("$inc", new Document("credits", 1)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
            learners.updateOne(eq("_id", id), new Document("$inc", new Document("credits", -1)));
        }
        assertThat(learners.countDocuments()).isEqualTo(ids.size());
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static void withDatabase(MongoServer server, Consumer<MongoDatabase> work) {
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort()
                + "/?uuidRepresentation=standard")) {
            work.accept(client.getDatabase("learnstack"));
        } finally {
            server.shutdownNow();
        }
    }
}
