package io.learnstack.security;

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

    @Bean
    BasicAuthFilter basicAuthFilter(ClientProperties properties) {
        return new BasicAuthFilter(properties);
    }
}
