package io.learnstack.infra.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

/**
 * Measures what the projector asks of the read-model server, on a fresh file in the same JVM: {@code insertMany}
 * of statement-shaped documents, unordered bulk upserts by {@code _id} (replaceOne and updateOne, half of them
 * hitting existing documents) and single finds by {@code _id}. Not a test: run its main with the test classpath.
 *
 * <p>Usage: {@code ReadModelWriteBenchmark [documents] [rounds]}.
 */
final class ReadModelWriteBenchmark {

    private static final int BATCH = 100;

    private ReadModelWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("read-model-bench");
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve(ReadModelServer.STORE_FILE)));
        var address = server.bind();
        String json = "{\"actor\":{\"mbox\":\"mailto:learner@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/"
                + "verbs/completed\"},\"object\":{\"id\":\"http://example.org/course/" + "x".repeat(700) + "\"}}";
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false")) {
            for (int round = 0; round < rounds; round++) {
                MongoCollection<Document> statements = client.getDatabase("bench" + round).getCollection("statements");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < documents; i++) {
                    ids.add("demo|" + UUID.randomUUID());
                }
                Date stored = new Date();
                long start = System.nanoTime();
                for (int from = 0; from < documents; from += BATCH) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (String id : ids.subList(from, Math.min(from + BATCH, documents))) {
                        batch.add(statement(id, stored, json));
                    }
                    statements.insertMany(batch);
                }
                double inserts = perSecond(documents, start);

                start = System.nanoTime();
                for (int from = 0; from < documents; from += BATCH) {
                    List<WriteModel<Document>> writes = new ArrayList<>(BATCH);
                    for (int i = from; i < Math.min(from + BATCH, documents); i++) {
                        // Every other one replaces an existing document, the rest insert.
                        String id = i % 2 == 0 ? ids.get(i) : "demo|" + UUID.randomUUID();
                        writes.add(new ReplaceOneModel<>(eq("_id", id), statement(id, stored, json),
                                new ReplaceOptions().upsert(true)));
                    }
                    statements.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                }
                double replaces = perSecond(documents, start);

                MongoCollection<Document> progress = client.getDatabase("bench" + round).getCollection("progress");
                start = System.nanoTime();
                for (int from = 0; from < documents; from += BATCH) {
                    List<WriteModel<Document>> writes = new ArrayList<>(BATCH);
                    for (int i = from; i < Math.min(from + BATCH, documents); i++) {
                        writes.add(new UpdateOneModel<>(eq("_id", "learner-" + (i % (documents / 2))),
                                Updates.combine(Updates.set("last", ids.get(i)), Updates.inc("count", 1)),
                                new UpdateOptions().upsert(true)));
                    }
                    progress.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                }
                double updates = perSecond(documents, start);

                start = System.nanoTime();
                for (String id : ids) {
                    if (statements.find(eq("_id", id)).first() == null) {
                        throw new IllegalStateException("lost " + id);
                    }
                }
                double finds = perSecond(documents, start);
                System.out.printf(Locale.ROOT,
                        "round %d: insertMany %.0f docs/s, replaceOne upsert %.0f/s, updateOne upsert %.0f/s,"
                                + " find by _id %.0f/s%n", round, inserts, replaces, updates, finds);
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static Document statement(String id, Date stored, String json) {
        return new Document("_id", id).append("tenant", "demo").append("statementId", id.substring(5))
                .append("stored", stored).append("learnerKey", "mbox:mailto:learner@example.org")
                .append("verbId", "http://adlnet.gov/expapi/verbs/completed")
                .append("objectId", "http://example.org/course/1").append("voided", false).append("json", json);
    }

    private static double perSecond(int count, long startNanos) {
        return count * 1e9 / (System.nanoTime() - startNanos);
    }
}
