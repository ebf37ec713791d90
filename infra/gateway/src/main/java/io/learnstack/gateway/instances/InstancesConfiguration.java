package io.learnstack.gateway.instances;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InstancesConfiguration {

    @Bean
    BackendInstances backendInstances(@Value("${learnstack.gateway.command-uri}") String commandUris,
            @Value("${learnstack.gateway.query-uri}") String queryUris) {
        return new BackendInstances(commandUris, queryUris);
    }
}
