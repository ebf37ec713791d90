package io.learnstack.infra.eventstore;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import io.learnstack.infra.launcher.Housekeeping;
import io.learnstack.infra.launcher.LauncherOptions;
import io.learnstack.infra.launcher.ParentWatch;
import io.learnstack.infra.launcher.ShutdownHook;
import org.h2.tools.Server;

/**
 * Serves the event store: H2 databases under a data directory, reachable through H2's TCP server
 * on 127.0.0.1 only, e.g. {@code jdbc:h2:tcp://127.0.0.1:9094/learnstack-events}. A database is
 * created on first connection.
 *
 * <p>Usage: {@code EventStoreServer --data-dir DIR [--port 9094]}; the environment variables
 * {@code LEARNSTACK_EVENT_STORE_DATA_DIR} and {@code LEARNSTACK_EVENT_STORE_PORT} stand in for
 * missing options. SIGTERM stops the server and closes the databases.
 */
public final class EventStoreServer {

    /** How often the files are compacted; a round moves at most {@link StoreHousekeeping#MAX_REWRITE_BYTES}. */
    static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(5);

    static final LauncherOptions.Parser OPTIONS =
            LauncherOptions.parser("EventStoreServer", "LEARNSTACK_EVENT_STORE", 9094);

    private EventStoreServer() {
    }

    /**
     * Starts the server and blocks until the JVM shuts down.
     *
     * @param args see the class description
     */
    public static void main(String[] args) throws InterruptedException {
        LauncherOptions options = OPTIONS.parseOrExit(args);
        // H2 reads this once, when the class holding it loads: it has to be set before any H2 class is touched.
        // Without it the server socket listens on every interface.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        ParentWatch.install();

        long started = System.nanoTime();
        Server server;
        try {
            Files.createDirectories(options.dataDir());
            server = Server.createTcpServer(
                    "-tcpPort", Integer.toString(options.port()),
                    "-baseDir", options.dataDir().toString(),
                    "-ifNotExists").start();
        } catch (Exception e) {
            log("cannot start the H2 TCP server on 127.0.0.1:" + options.port() + ": " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Housekeeping housekeeping = Housekeeping.start("event-store-housekeeping", HOUSEKEEPING_INTERVAL,
                new StoreHousekeeping(options.dataDir())::compactAll);
        ShutdownHook shutdown = ShutdownHook.register("event-store-shutdown", () -> {
            log("stopping");
            housekeeping.stop();
            // Closes every client session; H2 then closes each database whose last session went away.
            server.stop();
            log("stopped");
        });
        log("ready on 127.0.0.1:" + options.port() + " (data " + options.dataDir() + ") in "
                + (System.nanoTime() - started) / 1_000_000 + " ms; " + server.getStatus());
        shutdown.awaitStopped();
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " EventStoreServer " + message);
    }
}
