package io.learnstack.testsupport;

import java.nio.file.Path;
import java.time.Duration;

import io.learnstack.infra.mongo.ReadModelServer;

/**
 * The MongoDB-protocol read-model server ({@link ReadModelServer}) running as a child process on 127.0.0.1.
 *
 * <p>{@link #start(Path)} returns once the server accepts connections. The data directory holds the
 * store file ({@code read-models.mv}) and the server's log ({@code read-model-server.log});
 * {@link #restart()} reuses both, and the port. Acknowledged writes survive {@link #kill()}.
 */
public final class ReadModelServerProcess implements AutoCloseable {

    /** The database the services use. */
    public static final String DATABASE = "learnstack";

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final String NAME = "read-model-server";

    private final Path dataDir;
    private final int port;
    private volatile JavaProcess process;

    private ReadModelServerProcess(Path dataDir, int port, JavaProcess process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
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
        Path dir = dataDir.toAbsolutePath();
        JavaProcess process = JavaProcess.builder(NAME)
                .classpath(LauncherClasspath.of(ReadModelServer.class, NAME))
                .mainClass(ReadModelServer.class.getName())
                .jvmOptions(ChildJvm.options("256m"))
                .args("--data-dir", dir.toString(), "--port", Integer.toString(port))
                .logDir(dir)
                .start();
        ReadModelServerProcess server = new ReadModelServerProcess(dir, port, process);
        server.awaitReady();
        return server;
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
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the current child process (a new one after each {@link #restart()}) */
    public JavaProcess process() {
        return process;
    }

    /** @return whether the server process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server cleanly (SIGTERM), killing it if that takes too long. */
    public void stop() {
        process.stop();
    }

    /** Kills the server at once, as {@code kill -9} would. */
    public void kill() {
        process.kill();
    }

    /**
     * Stops the server if it runs, starts it again on the same data directory and port, and waits until
     * it accepts connections.
     */
    public void restart() {
        process = process.restart();
        awaitReady();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "read-model server at " + mongoUri() + " (" + process + ", data " + dataDir + ")";
    }

    private void awaitReady() {
        JavaProcess current = process;
        try {
            current.waitForPort(port, START_TIMEOUT);
        } catch (RuntimeException e) {
            current.stop(Duration.ofSeconds(5));
            throw e;
        }
    }
}
