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
