package io.learnstack.testsupport;

import java.nio.file.Path;

import io.learnstack.infra.eventstore.EventStoreServer;

/**
 * The event store's H2 TCP server ({@link EventStoreServer}) running as a child process on 127.0.0.1.
 *
 * <p>{@link #start(Path)} returns once the server accepts connections. The data directory holds the
 * database files and the server's log ({@code event-store-server.log}); {@link #restart()} reuses
 * both, and the port.
 */
public final class EventStoreServerProcess extends LauncherProcess {

    /** The database the services use; H2 creates it on first connection. */
    public static final String DATABASE = "learnstack-events";

    private EventStoreServerProcess(Path dataDir, int port) {
        super(EventStoreServer.class, "event-store-server", "256m", DEFAULT_START_TIMEOUT, dataDir, port);
    }

    /**
     * Starts the server on a free port and waits until it accepts connections.
     *
     * @param dataDir where the database files live; created if needed, reused if it holds data
     * @return the running server
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    public static EventStoreServerProcess start(Path dataDir) {
        return start(dataDir, FreePorts.next());
    }

    /**
     * Starts the server on the given port and waits until it accepts connections.
     *
     * @param dataDir where the database files live; created if needed, reused if it holds data
     * @param port    the TCP port
     * @return the running server
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    public static EventStoreServerProcess start(Path dataDir, int port) {
        return whenReady(new EventStoreServerProcess(dataDir, port));
    }

    /** @return {@code jdbc:h2:tcp://127.0.0.1:<port>/learnstack-events} */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /**
     * @param database name of a database in the data directory (created on first connection)
     * @return its JDBC URL, e.g. for a test that wants a database of its own
     */
    public String jdbcUrl(String database) {
        return "jdbc:h2:tcp://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    String description() {
        return "event store at " + jdbcUrl();
    }
}
