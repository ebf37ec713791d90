package io.learnstack.gateway.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whether a service behind the gateway is ready, by its instances' own readiness probes: the gateway is
 * only as ready as the services it routes to. With several instances the service is ready while any one
 * is, as the load balancer sends requests only to those that are. Not part of liveness, as restarting
 * the gateway mends neither.
 */
class BackendReadiness implements ReactiveHealthIndicator {

    private static final String PROBE = "/actuator/health/readiness";

    private final WebClient client;
    private final List<String> uris;
    private final Duration timeout;

    BackendReadiness(WebClient.Builder clients, List<String> uris, Duration timeout) {
        this.client = clients.build();
        this.uris = List.copyOf(uris);
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        if (uris.size() == 1) {
            return probe(uris.get(0));
        }
        return Flux.fromIterable(uris).flatMapSequential(this::probe).collectList()
                .map(healths -> combine(uris, healths));
    }

    private Mono<Health> probe(String uri) {
        return client.get().uri(uri + PROBE).exchangeToMono(response -> response.bodyToMono(JsonNode.class)
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

    /** Several instances' answers, in the order of {@code uris}: up while any instance is. */
    static Health combine(List<String> uris, List<Health> healths) {
        Map<String, Object> instances = new LinkedHashMap<>();
        long ready = 0;
        for (int i = 0; i < healths.size(); i++) {
            Health health = healths.get(i);
            ready += Status.UP.equals(health.getStatus()) ? 1 : 0;
            Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
            details.put("ready", Status.UP.equals(health.getStatus()));
            instances.put(uris.get(i), details);
        }
        return (ready > 0 ? Health.up() : Health.down())
                .withDetail("ready", ready + "/" + healths.size())
                .withDetail("instances", instances)
                .build();
    }
}
