package io.learnstack.security;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The door of a service: imported by the command and the query service, so both accept the same keys
 * with the same roles and refuse the rest alike.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
public class ServiceSecurity {

    /**
     * Keys issued through the admin API come from the service's {@link IssuedKeys} bean, when it has one,
     * each lookup remembered for {@code learnstack.security.issued-keys.cache-ttl} (1 s by default): the
     * longest a rotated secret or a revoked key still opens a request after the read model changed.
     */
    @Bean
    BasicAuthFilter basicAuthFilter(ClientProperties properties, ObjectProvider<IssuedKeys> issuedKeys,
            @Value("${learnstack.security.issued-keys.cache-ttl:1s}") Duration cacheTtl) {
        IssuedKeys issued = issuedKeys.getIfAvailable(() -> IssuedKeys.NONE);
        return new BasicAuthFilter(properties, new CachedIssuedKeys(issued, cacheTtl));
    }
}
