package io.learnstack.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import io.learnstack.infra.launcher.Housekeeping;
import io.learnstack.infra.launcher.LauncherOptions;
import io.learnstack.infra.launcher.ParentWatch;
import io.learnstack.infra.launcher.ShutdownHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the read models over the MongoDB wire protocol on 127.0.0.1, e.g.
 * {@code mongodb://127.0.0.1:27017/learnstack}, from the file {@code read-models.mv} in a data
 * directory. Every acknowledged write is in the file before the reply is sent.
 *
 * <p>Usage: {@code ReadModelServer --data-dir DIR [--port 27017]}; the environment variables
 * {@code LEARNSTACK_READ_MODEL_DATA_DIR} and {@code LEARNSTACK_READ_MODEL_PORT} stand in for missing
 * options. SIGTERM stops accepting clients, lets running commands finish, compacts the file and closes it.
 */
public final class ReadModelServer {

    /** Name of the store file inside the data directory. */
    public static final String STORE_FILE = "read-models.mv";

    /**
     * Not called logback.xml: this jar sits on the test classpath of the services, and a plain
     * logback.xml there would take over their logging configuration.
     */
    private static final String LOGBACK_CONFIG = "read-model-server-logback.xml";

    static final LauncherOptions.Parser OPTIONS =
            LauncherOptions.parser("ReadModelServer", "LEARNSTACK_READ_MODEL", 27017);

    /** How often the file is compacted while it is served. */
    static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(5);

    private ReadModelServer() {
    }

    private static void compactQuietly(DurableH2Backend backend, Logger log) {
        try {
            backend.compact();
        } catch (RuntimeException e) {
            log.warn("Compaction skipped, tried again in {} s", HOUSEKEEPING_INTERVAL.toSeconds(), e);
        }
    }

    /**
     * Starts the server and blocks until the JVM shuts down.
     *
     * @param args see the class description
     */
    public static void main(String[] args) throws InterruptedException {
        LauncherOptions options = OPTIONS.parseOrExit(args);
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        // Looked up only now: the property above must be in place before logback initialises.
        Logger log = LoggerFactory.getLogger(ReadModelServer.class);
        ParentWatch.install();

        long started = System.nanoTime();
        Path file = options.dataDir().resolve(STORE_FILE);
        MongoServer server;
        DurableH2Backend backend;
        try {
            Files.createDirectories(options.dataDir());
            backend = DurableH2Backend.open(file);
            server = new MongoServer(backend);
            server.bind("127.0.0.1", options.port());
        } catch (Exception e) {
            log.error("Cannot serve {} on 127.0.0.1:{}", file, options.port(), e);
            System.exit(1);
            return;
        }
        Housekeeping housekeeping = Housekeeping.start("read-model-housekeeping", HOUSEKEEPING_INTERVAL,
                () -> compactQuietly(backend, log));
        ShutdownHook shutdown = ShutdownHook.register("read-model-server-shutdown", () -> {
            log.info("Stopping: no new clients, then compacting {}", file);
            long stopping = System.nanoTime();
            housekeeping.stop();
            // Stops listening, waits for the event loops to drain, then closes (and compacts) the backend.
            server.shutdownNow();
            log.info("Stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        });
        log.info("Learnstack read-model server ready on 127.0.0.1:{} (file {}) in {} ms",
                options.port(), file, (System.nanoTime() - started) / 1_000_000);
        shutdown.awaitStopped();
    }
}
