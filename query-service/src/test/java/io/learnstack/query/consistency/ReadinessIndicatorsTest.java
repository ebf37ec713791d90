package io.learnstack.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class ReadinessIndicatorsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void aReadModelServerThatAnswersThePingIsReady() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            Health health = new ReadModelHealthIndicator(client.getDatabase("learnstack"), TIMEOUT).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "learnstack").containsKey("pingMillis");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aReadModelServerThatIsGoneIsNotReadyWithinTheTimeout() throws Exception {
        int port = freePort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            ReadModelHealthIndicator indicator = new ReadModelHealthIndicator(client.getDatabase("learnstack"), TIMEOUT);
            long started = System.nanoTime();

            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("reason")).contains("did not answer a ping");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            indicator.close();
        }
    }

    @Test
    void aKafkaClusterThatDoesNotAnswerIsNotReady() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500))) {
            Health health = new BusHealthIndicator(admin, TIMEOUT).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("reason")).contains("Kafka cluster did not answer");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
