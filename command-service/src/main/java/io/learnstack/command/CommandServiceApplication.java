package io.learnstack.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import io.learnstack.security.ServiceSecurity;

/**
 * The write side of the LRS: validates xAPI writes, decides which events they produce, appends those
 * to the event store and publishes them to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServiceSecurity.class)
public class CommandServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
