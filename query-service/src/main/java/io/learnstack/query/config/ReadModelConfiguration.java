package io.learnstack.query.config;

import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** The database named by {@code spring.data.mongodb.uri}. */
    @Bean
    MongoDatabase readModels(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }
}
