package io.learnstack.gateway.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Several instances of a service behind the gateway: requests are spread over all of them, and one that
 * stops takes no request down with it, as a refused connection is tried on the next instance. The
 * instances are stand-ins; the load balancer's readiness check is slowed so the stopped instance is still
 * on its list and the retry is what saves the requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancingTest {

    private static final Instance FIRST = new Instance();
    private static final Instance SECOND = new Instance();
    private static final Instance STOPPING = new Instance();
    private static final Instance QUERY = new Instance();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("learnstack.gateway.command-uri",
                () -> FIRST.uri() + ", " + SECOND.uri() + "," + STOPPING.uri() + "/");
        registry.add("learnstack.gateway.query-uri", QUERY::uri);
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1h");
    }

    @AfterAll
    static void stopInstances() {
        FIRST.server.stop(0);
        SECOND.server.stop(0);
        QUERY.server.stop(0);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        FIRST.writes.set(0);
        SECOND.writes.set(0);
        STOPPING.writes.set(0);
    }

    @Test
    @Order(1)
    void writesAreSpreadOverEveryInstance() {
        for (int i = 0; i < 30; i++) {
            postStatement().expectStatus().isOk();
        }

        // round-robin, once the first readiness check has found every instance
        assertThat(FIRST.writes.get() + SECOND.writes.get() + STOPPING.writes.get()).isEqualTo(30);
        assertThat(FIRST.writes.get()).isBetween(8, 12);
        assertThat(SECOND.writes.get()).isBetween(8, 12);
        assertThat(STOPPING.writes.get()).isBetween(8, 12);
    }

    @Test
    @Order(2)
    void aStoppedInstanceFailsNoRequest() {
        STOPPING.server.stop(0);

        for (int i = 0; i < 30; i++) {
            postStatement().expectStatus().isOk();
        }

        assertThat(STOPPING.writes.get()).isZero();
        assertThat(FIRST.writes.get() + SECOND.writes.get()).isEqualTo(30);
        assertThat(FIRST.writes.get()).isPositive();
        assertThat(SECOND.writes.get()).isPositive();
    }

    @Test
    @Order(3)
    void theServiceIsReadyWhileAnyInstanceIs() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.commandService.status").isEqualTo("UP")
                .jsonPath("$.components.commandService.details.ready").isEqualTo("2/3")
                .jsonPath("$.components.commandService.details.instances['" + STOPPING.uri() + "'].ready")
                .isEqualTo(false)
                .jsonPath("$.components.queryService.status").isEqualTo("UP");
    }

    @Test
    @Order(4)
    void anAnswerIsNeverSentAgainEvenAnError() {
        client.post().uri("/xapi/unavailable").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503);

        // the write may have been stored: only the client, which knows whether it carries ids, may send it again
        assertThat(FIRST.writes.get() + SECOND.writes.get()).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec postStatement() {
        return client.post().uri("/xapi/statements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\"}").exchange();
    }

    /** A stand-in instance: ready, and answering every write 200 (503 at /xapi/unavailable) and counting it. */
    private static final class Instance {

        private final HttpServer server;
        private final AtomicInteger writes = new AtomicInteger();

        Instance() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::answer);
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().startsWith("/xapi/")) {
                writes.incrementAndGet();
            }
            byte[] answer = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/xapi/unavailable") ? 503 : 200,
                    answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
