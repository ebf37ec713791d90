package io.learnstack.command.keys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.learnstack.security.IssuedKeys;
import io.learnstack.security.MongoIssuedKeys;

/** Keys issued through the admin API open writes too, read from the same documents as the query service. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    IssuedKeys issuedKeys(KeyReadModel readModel) {
        return new MongoIssuedKeys(readModel.database());
    }
}
