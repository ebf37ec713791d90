package io.learnstack.command;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.learnstack.testsupport.LocalInfrastructure;

/** Points a command-service test context at the broker and event-store server the test support runs. */
public final class InfrastructureProperties {

    private InfrastructureProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.datasource.url", infrastructure::eventStoreJdbcUrl);
        registry.add("spring.data.mongodb.uri", infrastructure::mongoUri);
    }
}
