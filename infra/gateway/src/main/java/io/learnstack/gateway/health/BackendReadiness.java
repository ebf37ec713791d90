package io.learnstack.gateway.health;

import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Mono;

/**
 * Whether a service behind the gateway is ready, by its own readiness probe: the gateway is only as
 * ready as the services it routes to. Not part of liveness, as restarting the gateway mends neither.
 */
class BackendReadiness implements ReactiveHealthIndicator {

    private static final String PROBE = "/actuator/health/readiness";

    private final WebClient client;
    private final String uri;
    private final Duration timeout;

    BackendReadiness(WebClient.Builder clients, String uri, Duration timeout) {
        this.client = clients.baseUrl(uri).build();
        this.uri = uri;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(PROBE).exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(body -> body.path("status").asText("UNKNOWN"))
                        .defaultIfEmpty("UNKNOWN")
                        .map(status -> decide(uri, response.statusCode().value(), status)))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(unreachable(uri, failure)));
    }

    /** The decision on an answer: ready only when the service says so. */
    static Health decide(String uri, int httpStatus, String status) {
        Health.Builder health = httpStatus == 200 && "UP".equals(status) ? Health.up() : Health.down();
        return health.withDetail("uri", uri + PROBE).withDetail("httpStatus", httpStatus).withDetail("status", status)
                .build();
    }

    static Health unreachable(String uri, Throwable failure) {
        return Health.down().withDetail("uri", uri + PROBE).withDetail("error", failure.toString()).build();
    }
}
