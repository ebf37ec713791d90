package io.learnstack.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.learnstack.infra.kafka.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka broker ({@link KafkaBroker}) running as a child process on 127.0.0.1.
 *
 * <p>{@link #start(Path)} returns once an admin client can describe the cluster. The data directory
 * holds the broker's storage and its log ({@code kafka-broker.log}); {@link #restart()} reuses both,
 * and the ports, so clients reconnect to the same address and find their topics and offsets.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** Generous: a cold JVM on a busy machine with two cores. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final String NAME = "kafka-broker";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private volatile JavaProcess process;

    private KafkaBrokerProcess(Path dataDir, int port, int controllerPort, JavaProcess process) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = process;
    }

    /**
     * Starts a broker on two free ports and waits until it answers.
     *
     * @param dataDir where the broker keeps its data; created if needed, reused if it holds data
     * @return the running broker
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    public static KafkaBrokerProcess start(Path dataDir) {
        return start(dataDir, FreePorts.next(), FreePorts.next());
    }

    /**
     * Starts a broker on the given ports and waits until it answers.
     *
     * @param dataDir        where the broker keeps its data; created if needed, reused if it holds data
     * @param port           the client (PLAINTEXT) port
     * @param controllerPort the KRaft controller port
     * @return the running broker
     * @throws IllegalStateException if it does not become ready (with the end of its log)
     */
    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort) {
        Path dir = dataDir.toAbsolutePath();
        JavaProcess process = JavaProcess.builder(NAME)
                .classpath(LauncherClasspath.of(KafkaBroker.class, NAME))
                .mainClass(KafkaBroker.class.getName())
                .jvmOptions(ChildJvm.options("384m"))
                .args("--data-dir", dir.toString(), "--port", Integer.toString(port),
                        "--controller-port", Integer.toString(controllerPort))
                .logDir(dir)
                .start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, port, controllerPort, process);
        broker.awaitReady();
        return broker;
    }

    /** @return {@code 127.0.0.1:<port>}, for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** @return the client port */
    public int port() {
        return port;
    }

    /** @return the KRaft controller port */
    public int controllerPort() {
        return controllerPort;
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the current child process (a new one after each {@link #restart()}) */
    public JavaProcess process() {
        return process;
    }

    /** @return whether the broker process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Shuts the broker down cleanly (SIGTERM), killing it if that takes too long. */
    public void stop() {
        process.stop();
    }

    /** Kills the broker at once, as {@code kill -9} would. */
    public void kill() {
        process.kill();
    }

    /**
     * Stops the broker if it runs, starts it again on the same data directory and ports, and waits
     * until it answers.
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
        return "Kafka broker at " + bootstrapServers() + " (" + process + ", data " + dataDir + ")";
    }

    private void awaitReady() {
        JavaProcess current = process;
        try {
            current.waitForPort(port, START_TIMEOUT);
            current.waitUntil("an admin client can describe the cluster", this::describesCluster, START_TIMEOUT);
        } catch (RuntimeException e) {
            current.stop(Duration.ofSeconds(5));
            throw e;
        }
    }

    private boolean describesCluster() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        Admin admin = Admin.create(config);
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
