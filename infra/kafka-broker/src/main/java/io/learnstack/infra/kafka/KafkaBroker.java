package io.learnstack.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

import io.learnstack.infra.launcher.LauncherOptions;
import io.learnstack.infra.launcher.ParentWatch;
import io.learnstack.infra.launcher.ShutdownHook;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.LoggingSignalHandler;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a single-node Apache Kafka cluster (KRaft, broker and controller in one process) on 127.0.0.1.
 *
 * <p>Usage: {@code KafkaBroker --data-dir DIR [--port 9092] [--controller-port 9093]}; the environment
 * variables {@code LEARNSTACK_KAFKA_DATA_DIR}, {@code LEARNSTACK_KAFKA_PORT} and
 * {@code LEARNSTACK_KAFKA_CONTROLLER_PORT} stand in for missing options. The first start formats the
 * storage under DIR; later starts reuse it, so topics and committed offsets survive restarts.
 * SIGTERM shuts the broker down cleanly.
 */
public final class KafkaBroker {

    /** The KRaft controller's port option. */
    static final String CONTROLLER_PORT = "--controller-port";

    static final LauncherOptions.Parser OPTIONS =
            LauncherOptions.parser("KafkaBroker", "LEARNSTACK_KAFKA", 9092).port(CONTROLLER_PORT, 9093);

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private KafkaBroker() {
    }

    /**
     * Starts the broker and blocks until it has shut down.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        LauncherOptions options = OPTIONS.parseOrExit(args);
        ParentWatch.install();
        registerSignalLogging();

        KafkaRaftServer server;
        try {
            server = prepare(options);
        } catch (Exception e) {
            log.error("Cannot prepare the Kafka broker in {}", options.dataDir(), e);
            System.exit(1);
            return;
        }
        // The broker has its own wait for the end of shutdown (below), so the hook's is not used.
        ShutdownHook.register("kafka-broker-shutdown", () -> shutdown(server));
        long started = System.nanoTime();
        try {
            server.startup();
        } catch (Throwable e) {
            // startup() has already shut the half-started parts down; the hook finishes the rest.
            log.error("Kafka broker failed to start", e);
            System.exit(1);
        }
        log.info("Learnstack Kafka broker ready on 127.0.0.1:{} (controller 127.0.0.1:{}, data {}) in {} ms",
                options.port(), options.port(CONTROLLER_PORT), options.dataDir(),
                (System.nanoTime() - started) / 1_000_000);
        server.awaitShutdown();
    }

    private static KafkaRaftServer prepare(LauncherOptions options) throws Exception {
        Properties props = BrokerConfig.properties(options);
        Path configFile = BrokerConfig.write(props, options.dataDir());
        StorageFormatter.formatIfNeeded(configFile, BrokerConfig.logDir(options.dataDir()));
        return new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    }

    private static void shutdown(KafkaRaftServer server) {
        try {
            server.shutdown();
            log.info("Learnstack Kafka broker stopped");
        } catch (Throwable e) {
            // A second exit() from a hook can deadlock the JVM; halting is what kafka.Kafka does too.
            log.error("Kafka broker shutdown failed; halting", e);
            Runtime.getRuntime().halt(1);
        }
    }

    private static void registerSignalLogging() {
        try {
            new LoggingSignalHandler().register();
        } catch (ReflectiveOperationException e) {
            log.debug("Signal logging unavailable", e);
        }
    }
}
