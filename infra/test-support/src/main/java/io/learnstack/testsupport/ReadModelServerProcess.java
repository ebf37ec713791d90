package io.learnstack.testsupport;

import java.nio.file.Path;

import io.learnstack.infra.mongo.ReadModelServer;

/**
 * The MongoDB-protocol read-model server ({@link ReadModelServer}) running as a child process on 127.0.0.1.
 *
 * <p>{@link #start(Path)} returns once the server accepts connections. The data directory holds the
 * store file ({@code read-models.mv}) and the server's log ({@code read-model-server.log});
 * {@link #restart()} reuses both, and the port. Acknowledged writes survive {@link #kill()}.
 */
public final class ReadModelServerProcess extends LauncherProcess {

    /** The database the services use. */
    public static final String DATABASE = "learnstack";

    private ReadModelServerProcess(Path dataDir, int port) {
        super(ReadModelServer.class, "read-model-server", "256m", DEFAULT_START_TIMEOUT, dataDir, port);
    }

    /**
     * Starts the server on a free port and waits until it accepts connections.
     *
     * @param dataDir where the store file lives; created if needed, reused if it holds data
     * @return the running server
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    public static ReadModelServerProcess start(Path dataDir) {
        return start(dataDir, FreePorts.next());
    }

    /**
     * Starts the server on the given port and waits until it accepts connections.
     *
     * @param dataDir where the store file lives; created if needed, reused if it holds data
     * @param port    the TCP port
     * @return the running server
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    public static ReadModelServerProcess start(Path dataDir, int port) {
        return whenReady(new ReadModelServerProcess(dataDir, port));
    }

    /** @return {@code mongodb://127.0.0.1:<port>/learnstack} */
    public String mongoUri() {
        return mongoUri(DATABASE);
    }

    /**
     * @param database a database name
     * @return a connection string naming that database, e.g. for a test that wants a database of its own
     */
    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    String description() {
        return "read-model server at " + mongoUri();
    }
}
