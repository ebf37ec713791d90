package io.learnstack.gateway.health;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.learnstack.gateway.instances.BackendInstances;

/**
 * The services the gateway routes to, as parts of its readiness ({@code commandService}, {@code queryService}),
 * each with every configured instance.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    ReactiveHealthIndicator commandServiceHealthIndicator(WebClient.Builder clients,
            @Value("${learnstack.gateway.command-uri}") String uri,
            @Value("${learnstack.gateway.health-timeout:2s}") Duration timeout) {
        return new BackendReadiness(clients.clone(), BackendInstances.split(uri), timeout);
    }

    @Bean
    ReactiveHealthIndicator queryServiceHealthIndicator(WebClient.Builder clients,
            @Value("${learnstack.gateway.query-uri}") String uri,
            @Value("${learnstack.gateway.health-timeout:2s}") Duration timeout) {
        return new BackendReadiness(clients.clone(), BackendInstances.split(uri), timeout);
    }
}
