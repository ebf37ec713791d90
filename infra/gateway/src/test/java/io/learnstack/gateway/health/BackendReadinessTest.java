package io.learnstack.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * The gateway is ready when both services answer their readiness probe with UP, and alive whatever
 * they answer. The services are stand-ins whose readiness the test sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackendReadinessTest {

    private static final StandIn COMMAND = new StandIn();
    private static final StandIn QUERY = new StandIn();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("learnstack.gateway.command-uri", COMMAND::uri);
        registry.add("learnstack.gateway.query-uri", QUERY::uri);
    }

    @AfterAll
    static void stopStandIns() {
        COMMAND.server.stop(0);
        QUERY.server.stop(0);
    }

    @Test
    void readyWhenBothServicesAreReady() {
        COMMAND.ready = true;
        QUERY.ready = true;

        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.commandService.status").isEqualTo("UP")
                .jsonPath("$.components.queryService.status").isEqualTo("UP");
    }

    @Test
    void notReadyButAliveWhenAServiceIsNotReady() {
        COMMAND.ready = true;
        QUERY.ready = false;

        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.commandService.status").isEqualTo("UP")
                .jsonPath("$.components.queryService.status").isEqualTo("DOWN")
                .jsonPath("$.components.queryService.details.httpStatus").isEqualTo(503);
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void aServiceThatDoesNotAnswerIsNotReady() {
        assertThat(BackendReadiness.unreachable("http://127.0.0.1:1", new IOException("Connection refused"))
                .getStatus()).isEqualTo(Status.DOWN);
        assertThat(BackendReadiness.decide("http://127.0.0.1:1", 200, "OUT_OF_SERVICE").getStatus())
                .isEqualTo(Status.DOWN);
        assertThat(BackendReadiness.decide("http://127.0.0.1:1", 200, "UP").getStatus()).isEqualTo(Status.UP);
    }

    /** A service that answers only its readiness probe, as the test sets it. */
    private static final class StandIn {

        private final HttpServer server;
        private volatile boolean ready = true;

        StandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/actuator/health/readiness", exchange -> {
                byte[] body = ("{\"status\":\"" + (ready ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
