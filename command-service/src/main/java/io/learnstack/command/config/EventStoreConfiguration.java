package io.learnstack.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC event storage engine, as Axon's auto-configuration builds it, appending with one
 * multi-row insert per unit of work and reading past a tracking token's gaps through the primary key.
 * The tables come from {@code schema-<platform>.sql}.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .appendEvents(new MultiRowAppendEvents())
                .readEventDataWithGaps(new IndexedReadWithGaps())
                .build();
    }
}
