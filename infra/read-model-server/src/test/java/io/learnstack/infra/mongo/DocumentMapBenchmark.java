package io.learnstack.infra.mongo;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Measures a collection's document map alone, without the wire protocol: the stock map (keys and documents by
 * H2's generic type) against {@link BsonCollection}'s (keys as {@link IndexKeyCodec} bytes, documents as BSON),
 * for puts committed per 100 as the server commits per command, gets by key, and a first scan after reopening.
 * Reports the CPU time of the process, which a busy machine sways less than wall time. Not a test: run its main
 * with the test classpath.
 *
 * <p>Usage: {@code DocumentMapBenchmark [documents] [rounds]}.
 */
final class DocumentMapBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private DocumentMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 0; round < rounds; round++) {
            for (boolean bson : new boolean[] {false, true}) {
                for (boolean documentIds : new boolean[] {false, true}) {
                    run(round, bson, documentIds, documents);
                }
            }
        }
    }

    private static void run(int round, boolean bson, boolean documentIds, int documents) throws Exception {
        Path file = Files.createTempDirectory("document-map-bench").resolve("map.mv");
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            String id = "demo|" + UUID.randomUUID();
            ids.add(documentIds ? new Document("tenant", "demo").append("statement", id) : id);
        }
        Function<Object, Object> key = bson ? BsonCollection::key : id -> id;

        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MVMap<Object, Document> map = open(store, bson);
        long cpu = OS.getProcessCpuTime();
        for (int from = 0; from < documents; from += 100) {
            for (int i = from; i < Math.min(from + 100, documents); i++) {
                map.put(key.apply(ids.get(i)), statement(ids.get(i)));
            }
            store.commit();
        }
        double puts = micros(cpu, documents);
        cpu = OS.getProcessCpuTime();
        for (Object id : ids) {
            if (map.get(key.apply(id)) == null) {
                throw new IllegalStateException("lost " + id);
            }
        }
        double gets = micros(cpu, documents);
        store.close();

        store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        map = open(store, bson);
        cpu = OS.getProcessCpuTime();
        long fields = 0;
        for (Document document : map.values()) {
            fields += document.size();
        }
        double scan = micros(cpu, documents);
        cpu = OS.getProcessCpuTime();
        for (Object id : ids) {
            if (map.get(key.apply(id)) == null) {
                throw new IllegalStateException("lost " + id);
            }
        }
        double cachedGets = micros(cpu, documents);
        store.close();
        System.out.printf(Locale.ROOT, "round %d %-5s %-9s ids: CPU us per document: put+commit %.1f, get %.2f,"
                        + " reopened scan %.1f, get %.2f (%d fields)%n", round, bson ? "bson" : "stock",
                documentIds ? "document" : "string", puts, gets, scan, cachedGets, fields);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Document> open(MVStore store, boolean bson) {
        return bson ? (MVMap) store.openMap("documents", new MVMap.Builder<byte[], Document>()
                .keyType(IndexKeyType.INSTANCE).valueType(BsonDocumentType.INSTANCE)) : store.openMap("documents");
    }

    private static double micros(long cpuStart, int documents) {
        return (OS.getProcessCpuTime() - cpuStart) / 1e3 / documents;
    }

    private static Document statement(Object id) {
        Document statement = new Document("id", UUID.randomUUID().toString())
                .append("actor", new Document("objectType", "Agent").append("mbox", "mailto:learner@example.org"))
                .append("verb", new Document("id", "http://adlnet.gov/expapi/verbs/completed")
                        .append("display", new Document("en-US", "completed")))
                .append("object", new Document("objectType", "Activity").append("id", "http://example.org/course/1")
                        .append("definition", new Document("name", new Document("en-US", "Course 1"))))
                .append("result", new Document("completion", true)
                        .append("score", new Document("scaled", 0.85).append("raw", 85)))
                .append("context", new Document("contextActivities", new Document("grouping",
                        List.of(new Document("id", "http://example.org/a"), new Document("id", "http://example.org/b")))))
                .append("stored", Instant.ofEpochMilli(1_764_000_000_000L)).append("version", "1.0.3");
        return new Document("_id", id).append("tenant", "demo").append("learnerKey", "mbox:mailto:learner@example.org")
                .append("verbId", "http://adlnet.gov/expapi/verbs/completed").append("voided", false)
                .append("activityIds", List.of("http://example.org/course/1")).append("sequence", 42L)
                .append("statement", statement).append("json", "{\"id\":\"" + "x".repeat(600) + "\"}");
    }
}
