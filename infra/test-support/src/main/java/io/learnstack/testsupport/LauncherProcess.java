package io.learnstack.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A launcher module's main class running as a child process on 127.0.0.1: it serves on a port from a
 * data directory, which also receives its log ({@code <name>.log}). {@link #restart()} reuses the
 * directory and the ports, so clients find the same address again.
 */
abstract class LauncherProcess implements AutoCloseable {

    /** Enough for a cold JVM that opens a database; the broker needs longer. */
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final Duration startTimeout;
    private volatile JavaProcess process;

    /**
     * Launches the process, without waiting for it; see {@link #whenReady(LauncherProcess)}.
     *
     * @param launcher     the launcher's main class
     * @param name         the launcher's artifact id, also the name of its log file
     * @param maxHeap      e.g. {@code 256m}
     * @param startTimeout how long it may take to become ready
     * @param dataDir      the data directory, passed as {@code --data-dir}
     * @param port         the port clients connect to, passed as {@code --port}
     * @param moreArgs     further options of the launcher
     */
    LauncherProcess(Class<?> launcher, String name, String maxHeap, Duration startTimeout, Path dataDir, int port,
                    String... moreArgs) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.startTimeout = startTimeout;
        List<String> args = new ArrayList<>(
                List.of("--data-dir", this.dataDir.toString(), "--port", Integer.toString(port)));
        args.addAll(List.of(moreArgs));
        this.process = JavaProcess.builder(name)
                .classpath(LauncherClasspath.of(launcher, name))
                .mainClass(launcher.getName())
                .jvmOptions(ChildJvm.options(maxHeap))
                .args(args)
                .logDir(this.dataDir)
                .start();
    }

    /**
     * Waits until a just launched process is ready, stopping it if it does not get there.
     *
     * @return the process
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    static <P extends LauncherProcess> P whenReady(P launched) {
        launched.awaitReady();
        return launched;
    }

    /** @return the port clients connect to */
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

    /** @return whether the child process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process cleanly (SIGTERM), killing it if that takes too long. */
    public void stop() {
        process.stop();
    }

    /** Kills the process at once, as {@code kill -9} would. */
    public void kill() {
        process.kill();
    }

    /**
     * Stops the process if it runs, starts it again on the same data directory and ports, and waits until
     * it is ready.
     *
     * @throws IllegalStateException if it does not become ready (with the end of its log)
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
        return description() + " (" + process + ", data " + dataDir + ")";
    }

    /** @return what runs where, e.g. {@code Kafka broker at 127.0.0.1:41234} */
    abstract String description();

    /**
     * Waits, once the port accepts connections, until the service behind it answers; the open port is
     * enough unless a subclass knows better.
     *
     * @param current the process to watch, so that a failure names its log
     * @param timeout how long the wait may take
     */
    void awaitAnswer(JavaProcess current, Duration timeout) {
    }

    final void awaitReady() {
        JavaProcess current = process;
        try {
            current.waitForPort(port, startTimeout);
            awaitAnswer(current, startTimeout);
        } catch (RuntimeException e) {
            current.stop(Duration.ofSeconds(5));
            throw e;
        }
    }
}
