package io.learnstack.query.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import io.learnstack.security.IssuedKeys;
import io.learnstack.security.MongoIssuedKeys;

/** Keys issued through the admin API open reads too, as soon as the projector has written them. */
@Configuration(proxyBeanMethods = false)
class IssuedKeysConfiguration {

    @Bean
    IssuedKeys issuedKeys(MongoDatabase readModels) {
        return new MongoIssuedKeys(readModels);
    }
}
