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
 * hitting existing documents), single finds by {@code _id}, and full scans (a filter on a field without an index,
 * as the server ignores secondary indexes) while the documents are cached and again after reopening the file.
 * Not a test: run its main with the test classpath.
 *
 * <p>Usage: {@code ReadModelWriteBenchmark [documents] [rounds]}.
 */
final class ReadModelWriteBenchmark {

    /** CPU time of the whole process (server and client, which share it): less swayed by a busy machine. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static final int BATCH = 100;

    private ReadModelWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("read-model-bench");
        Path file = dir.resolve(ReadModelServer.STORE_FILE);
        MongoServer server = new MongoServer(DurableH2Backend.open(file));
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
                long[] cpu = new long[5];
                long cpuStart = OS.getProcessCpuTime();
                long start = System.nanoTime();
                for (int from = 0; from < documents; from += BATCH) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (String id : ids.subList(from, Math.min(from + BATCH, documents))) {
                        batch.add(statement(id, stored, json));
                    }
                    statements.insertMany(batch);
                }
                double inserts = perSecond(documents, start);
                cpu[0] = OS.getProcessCpuTime() - cpuStart;
                cpuStart = OS.getProcessCpuTime();

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
                cpu[1] = OS.getProcessCpuTime() - cpuStart;
                cpuStart = OS.getProcessCpuTime();

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
                cpu[2] = OS.getProcessCpuTime() - cpuStart;
                cpuStart = OS.getProcessCpuTime();

                start = System.nanoTime();
                for (String id : ids) {
                    if (statements.find(eq("_id", id)).first() == null) {
                        throw new IllegalStateException("lost " + id);
                    }
                }
                double finds = perSecond(documents, start);
                cpu[3] = OS.getProcessCpuTime() - cpuStart;
                cpuStart = OS.getProcessCpuTime();
                start = System.nanoTime();
                long scanned = scan(statements);
                double scans = perSecond((int) scanned, start);
                cpu[4] = OS.getProcessCpuTime() - cpuStart;
                System.out.printf(Locale.ROOT,
                        "round %d: insertMany %.0f docs/s, replaceOne upsert %.0f/s, updateOne upsert %.0f/s,"
                                + " find by _id %.0f/s, scan %.0f docs/s%n",
                        round, inserts, replaces, updates, finds, scans);
                System.out.printf(Locale.ROOT,
                        "round %d CPU us per document: insertMany %.0f, replaceOne %.0f, updateOne %.0f, find %.0f,"
                                + " scan %.1f%n", round, cpu[0] / 1e3 / documents, cpu[1] / 1e3 / documents,
                        cpu[2] / 1e3 / documents, cpu[3] / 1e3 / documents, cpu[4] / 1e3 / scanned);
            }
        } finally {
            server.shutdownNow();
        }

        // Reopened, nothing is cached: every page read decodes its documents.
        server = new MongoServer(DurableH2Backend.open(file));
        address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false")) {
            long start = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            long scanned = scan(client.getDatabase("bench0").getCollection("statements"));
            System.out.printf(Locale.ROOT, "reopened: scan %.0f docs/s, CPU us per document %.1f%n",
                    perSecond((int) scanned, start), (OS.getProcessCpuTime() - cpuStart) / 1e3 / scanned);
        } finally {
            server.shutdownNow();
        }
    }

    /** Documents matched by a filter that has to look at every document, three times over. */
    private static long scan(MongoCollection<Document> statements) {
        long matched = 0;
        for (int i = 0; i < 3; i++) {
            matched += statements.countDocuments(eq("statement.verb.id", "http://adlnet.gov/expapi/verbs/completed"));
        }
        return matched;
    }

    /** Shaped like the statement read model: flat fields to filter on, the statement itself nested. */
    private static Document statement(String id, Date stored, String json) {
        Document statement = new Document("id", id.substring(5))
                .append("actor", new Document("objectType", "Agent").append("mbox", "mailto:learner@example.org")
                        .append("name", "A Learner"))
                .append("verb", new Document("id", "http://adlnet.gov/expapi/verbs/completed")
                        .append("display", new Document("en-US", "completed").append("de-DE", "abgeschlossen")))
                .append("object", new Document("objectType", "Activity").append("id", "http://example.org/course/1")
                        .append("definition", new Document("name", new Document("en-US", "Course 1"))
                                .append("type", "http://adlnet.gov/expapi/activities/course")))
                .append("result", new Document("completion", true).append("success", true)
                        .append("score", new Document("scaled", 0.85).append("raw", 85).append("max", 100))
                        .append("duration", "PT1H2M"))
                .append("context", new Document("registration", UUID.randomUUID().toString())
                        .append("contextActivities", new Document("parent",
                                List.of(new Document("id", "http://example.org/program/1")))
                                .append("grouping", List.of(new Document("id", "http://example.org/a"),
                                        new Document("id", "http://example.org/b")))))
                .append("timestamp", "2026-01-01T00:00:00.000Z").append("stored", stored)
                .append("authority", new Document("objectType", "Agent")
                        .append("account", new Document("homePage", "http://example.org").append("name", "demo")))
                .append("version", "1.0.3");
        return new Document("_id", id).append("tenant", "demo").append("statementId", id.substring(5))
                .append("stored", stored).append("learnerKey", "mbox:mailto:learner@example.org")
                .append("verbId", "http://adlnet.gov/expapi/verbs/completed")
                .append("objectId", "http://example.org/course/1").append("voided", false)
                .append("activityIds", List.of("http://example.org/course/1", "http://example.org/program/1"))
                .append("sequence", (long) id.hashCode()).append("statement", statement).append("json", json);
    }

    private static double perSecond(int count, long startNanos) {
        return count * 1e9 / (System.nanoTime() - startNanos);
    }
}
