package io.learnstack.gateway.instances;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

import reactor.core.publisher.Flux;

/**
 * The instances of each service the gateway routes to, as configured: {@code learnstack.gateway.command-uri}
 * and {@code query-uri} each name one instance or several, comma-separated. The routes address the services
 * as {@code lb://command-service} and {@code lb://query-service}, and the load balancer spreads requests
 * over the instances that pass its readiness check.
 */
public final class BackendInstances implements ReactiveDiscoveryClient {

    /** The service ids the routes use. */
    public static final String COMMAND_SERVICE = "command-service";
    public static final String QUERY_SERVICE = "query-service";

    private final Map<String, List<ServiceInstance>> instances;

    BackendInstances(String commandUris, String queryUris) {
        this.instances = Map.of(COMMAND_SERVICE, instancesOf(COMMAND_SERVICE, commandUris),
                QUERY_SERVICE, instancesOf(QUERY_SERVICE, queryUris));
    }

    /** The base URIs in a configured list, blanks and trailing slashes dropped. */
    public static List<String> split(String uris) {
        return Arrays.stream(uris.split(","))
                .map(String::strip)
                .filter(uri -> !uri.isEmpty())
                .map(uri -> uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri)
                .distinct()
                .toList();
    }

    private static List<ServiceInstance> instancesOf(String serviceId, String uris) {
        List<String> split = split(uris);
        if (split.isEmpty()) {
            throw new IllegalArgumentException("no instance configured for " + serviceId);
        }
        return split.stream().map(uri -> instance(serviceId, URI.create(uri))).toList();
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "@" + uri.getHost() + ":" + port, serviceId, uri.getHost(),
                port, secure, Map.of());
    }

    @Override
    public String description() {
        return "Learnstack services as configured";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
