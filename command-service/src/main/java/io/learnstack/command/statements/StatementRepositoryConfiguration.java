package io.learnstack.command.statements;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatementRepositoryConfiguration {

    @Bean
    StatementRepository statementRepository(EventStore eventStore) {
        return new StatementRepository(EventSourcingRepository.builder(StatementAggregate.class).eventStore(eventStore));
    }
}
