package io.learnstack.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the server as its own process, as in production, because the property under test is what
 * survives the death of that process.
 */
class ReadModelServerIntegrationTest {

    private static final int DOCUMENTS = 500;

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();
    private int port;

    @AfterEach
    void stopServers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void keepsEveryAcknowledgedInsertWhenKilled() throws Exception {
        port = freePort();
        Process server = startServer();

        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> learners = client.getDatabase("learnstack").getCollection("learners");
            for (int i = 0; i < DOCUMENTS; i++) {
                learners.insertOne(new Document("_id", "learner-" + i).append("credits", i));
            }
            // No pause after the last acknowledgement: anything not yet in the file is lost now.
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        startServer();
        assertThat(storedIds()).isEqualTo(expectedIds());
    }

    @Test
    void concurrentUpsertsKilledMidwayLeaveEveryDocumentUpdatable() throws Exception {
        port = freePort();
        Process server = startServer();
        Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?retryWrites=false")) {
            MongoCollection<Document> buckets = client.getDatabase("learnstack").getCollection("buckets");
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; ; i++) {
                        // Unordered bulk upserts, as the projector writes its index: each inserts documents and
                        // their _id index entries, the longer a command the wider the window for a commit in it.
                        List<com.mongodb.client.model.WriteModel<Document>> upserts = new ArrayList<>();
                        List<String> entries = new ArrayList<>();
                        for (int j = 0; j < 50; j++) {
                            String entry = writer + "-" + i + "-" + j;
                            entries.add(entry);
                            upserts.add(new com.mongodb.client.model.UpdateOneModel<>(
                                    com.mongodb.client.model.Filters.eq("_id", "bucket-" + writer + "-" + i + "-" + j / 2),
                                    com.mongodb.client.model.Updates.addToSet("entries", entry),
                                    new com.mongodb.client.model.UpdateOptions().upsert(true)));
                        }
                        try {
                            buckets.bulkWrite(upserts, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
                            acknowledged.addAll(entries);
                        } catch (RuntimeException e) {
                            return;
                        }
                    }
                });
                writers.add(thread);
                thread.start();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > 20_000);
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread thread : writers) {
                thread.join(60_000);
            }
        }

        startServer();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> buckets = client.getDatabase("learnstack").getCollection("buckets");
            Set<String> stored = new HashSet<>();
            List<String> ids = new ArrayList<>();
            buckets.find().forEach(bucket -> {
                ids.add(bucket.getString("_id"));
                stored.addAll(bucket.getList("entries", String.class));
            });
            assertThat(stored).containsAll(acknowledged);
            // Every document found by a scan is also found by its _id: an upsert updates it, never inserts twice.
            for (String id : ids) {
                buckets.updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                        com.mongodb.client.model.Updates.addToSet("entries", "after-restart"),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
            }
            assertThat(buckets.countDocuments()).isEqualTo(ids.size());
        }
    }

    @Test
    void compactsOnCleanShutdownWithoutLosingData() throws Exception {
        port = freePort();
        Process server = startServer();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> learners = client.getDatabase("learnstack").getCollection("learners");
            for (int i = 0; i < DOCUMENTS; i++) {
                learners.insertOne(new Document("_id", "learner-" + i).append("credits", i));
            }
        }
        long sizeWhileRunning = Files.size(storeFile());

        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(143);
        long sizeAfterStop = Files.size(storeFile());

        startServer();
        assertThat(storedIds()).isEqualTo(expectedIds());
        assertThat(sizeAfterStop).isLessThan(sizeWhileRunning);
    }

    private Process startServer() throws IOException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                ReadModelServer.class.getName(), "--data-dir", dataDir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The test classpath, through the environment: on the command line it could get long.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        processes.add(process);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .failFast("the server exited", () -> !process.isAlive())
                    .until(this::portOpen);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("read-model server not ready; its log:\n" + Files.readString(log), e);
        }
        return process;
    }

    private Set<String> storedIds() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Set<String> ids = new HashSet<>();
            client.getDatabase("learnstack").getCollection("learners").find()
                    .forEach(document -> ids.add(document.getString("_id")));
            return ids;
        }
    }

    private static Set<String> expectedIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            ids.add("learner-" + i);
        }
        return ids;
    }

    private Path storeFile() {
        return dataDir.resolve(ReadModelServer.STORE_FILE);
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
