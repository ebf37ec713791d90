package io.learnstack.projector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Builds the read models: consumes learner events from Kafka as part of a consumer group and writes
 * MongoDB documents that the query service serves. Several instances share the topic's partitions.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class ProjectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectorApplication.class, args);
    }
}
