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
public final class KafkaBrokerProcess extends LauncherProcess {

    /** Generous: a cold JVM on a busy machine with two cores. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final int controllerPort;

    private KafkaBrokerProcess(Path dataDir, int port, int controllerPort) {
        super(KafkaBroker.class, "kafka-broker", "384m", START_TIMEOUT, dataDir, port,
                "--controller-port", Integer.toString(controllerPort));
        this.controllerPort = controllerPort;
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
        return whenReady(new KafkaBrokerProcess(dataDir, port, controllerPort));
    }

    /** @return {@code 127.0.0.1:<port>}, for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    /** @return the KRaft controller port */
    public int controllerPort() {
        return controllerPort;
    }

    @Override
    String description() {
        return "Kafka broker at " + bootstrapServers();
    }

    /** The client port opens before the broker has joined its own controller quorum. */
    @Override
    void awaitAnswer(JavaProcess current, Duration timeout) {
        current.waitUntil("an admin client can describe the cluster", this::describesCluster, timeout);
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
