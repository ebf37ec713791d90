package io.learnstack.gateway.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway routes an alternate request as the ordinary request it stands for: to the query service
 * for GET and HEAD, to the command service otherwise, with the form's fields as headers, query and body.
 * Both services are stand-ins that record what reaches them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlternateRequestRoutingTest {

    private static final Backend COMMAND = new Backend("command");
    private static final Backend QUERY = new Backend("query");

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("learnstack.gateway.command-uri", COMMAND::uri);
        registry.add("learnstack.gateway.query-uri", QUERY::uri);
    }

    @AfterAll
    static void stopBackends() {
        COMMAND.stop();
        QUERY.stop();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        COMMAND.received.clear();
        QUERY.received.clear();
    }

    @Test
    void aPostStandingForAGetReachesTheQueryServiceAsThatGet() throws InterruptedException {
        // when
        client.post().uri("/xapi/statements?method=GET")
                .header("X-Experience-API-Version", "1.0.3")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("limit=1&verb=http%3A%2F%2Fexample.org%2Fverbs%2Fa+b&Authorization=Basic+ZGVtbzpkZW1v")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "query");

        // then
        Received received = QUERY.next();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri()).isEqualTo("/xapi/statements?limit=1&verb=http%3A%2F%2Fexample.org%2Fverbs%2Fa%20b");
        assertThat(received.headers().get("Authorization")).containsExactly("Basic ZGVtbzpkZW1v");
        assertThat(received.headers().get("X-experience-api-version")).containsExactly("1.0.3");
        assertThat(received.body()).isEmpty();
        assertThat(COMMAND.received).isEmpty();
    }

    @Test
    void aPostStandingForAPutReachesTheCommandServiceWithItsContent() throws InterruptedException {
        // when
        client.post().uri("/xapi/statements?method=PUT")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("statementId=9e13cefd-53d3-4eac-b5ed-2cf6693903bb&X-Experience-API-Version=1.0.3"
                        + "&content=%7B%22verb%22%3A%7B%22id%22%3A%22http%3A%2F%2Fexample.org%2Fv%22%7D%7D")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "command");

        // then
        Received received = COMMAND.next();
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.uri()).isEqualTo("/xapi/statements?statementId=9e13cefd-53d3-4eac-b5ed-2cf6693903bb");
        assertThat(received.headers().get("Content-type")).containsExactly("application/json");
        assertThat(received.body()).isEqualTo("{\"verb\":{\"id\":\"http://example.org/v\"}}");
        assertThat(QUERY.received).isEmpty();
    }

    @Test
    void anAlternateHeadIsAnsweredWithoutABodyAndALengthThatSaysSo() throws InterruptedException {
        client.post().uri("/xapi/statements?method=HEAD")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("X-Experience-API-Version=1.0.3")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "query")
                .expectHeader().contentLength(0)
                .expectBody().isEmpty();

        assertThat(QUERY.next().method()).isEqualTo("HEAD");
    }

    @Test
    void aBrokenAlternateRequestIsRefusedAtTheGatewayInTheVersionItAskedFor() {
        client.post().uri("/xapi/statements?method=PUT&statementId=9e13cefd-53d3-4eac-b5ed-2cf6693903bb")
                .header("X-Experience-API-Version", "1.0.3")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("content=%7B%7D")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("X-Experience-API-Version", "1.0.3")
                .expectBody().jsonPath("$.message").value(message -> assertThat((String) message)
                        .contains("only query parameter"));

        client.post().uri("/xapi/statements?method=GET")
                .header("X-Experience-API-Version", "2.0.0")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("X-Experience-API-Version", "2.0.0");

        assertThat(COMMAND.received).isEmpty();
        assertThat(QUERY.received).isEmpty();
    }

    @Test
    void ordinaryRequestsPassUnchanged() throws InterruptedException {
        client.post().uri("/xapi/statements")
                .header("X-Experience-API-Version", "2.0.0")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"a\":1}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "command");

        Received received = COMMAND.next();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/xapi/statements");
        assertThat(received.body()).isEqualTo("{\"a\":1}");
    }

    private record Received(String method, String uri, Map<String, List<String>> headers, String body) {
    }

    /** A stand-in service: answers every request 200 and keeps what it received. */
    private static final class Backend {

        private final String name;
        private final HttpServer server;
        private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

        Backend(String name) {
            this.name = name;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::answer);
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the load balancer's readiness checks are not requests the gateway routed
            if (!exchange.getRequestURI().getPath().startsWith("/actuator/")) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                        Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-Backend", name);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(answer.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        }

        Received next() throws InterruptedException {
            Received next = received.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a request reached the " + name + " service").isNotNull();
            return next;
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
