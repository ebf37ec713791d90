package io.learnstack.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one HTTP entry point clients use. xAPI reads (GET, HEAD) go to the query service and writes to the
 * command service, so clients see a single LRS while each side scales on its own. Routes are configuration;
 * xAPI 1.0.3's alternate request syntax is translated into ordinary requests before routing.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
