package io.learnstack.command.catalogue;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import io.learnstack.events.CatalogueEvent;
import io.learnstack.events.CredentialDefinition;

/**
 * Looks credentials up in the tenant's catalogue as the event store holds it, from its latest snapshot on.
 * It reads the history rather than loading the aggregate through its repository, so a lookup takes no
 * lock on the catalogue and can be made from within another aggregate's command handler.
 */
@Component
class EventStoreCatalogue implements Catalogue {

    private final EventStore events;

    EventStoreCatalogue(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<CredentialDefinition> current(String tenant, String credentialId) {
        CatalogueAggregate catalogue = new CatalogueAggregate();
        DomainEventStream history = events.readEvents(CatalogueCommand.aggregateIdOf(tenant));
        while (history.hasNext()) {
            DomainEventMessage<?> message = history.next();
            if (message.getPayload() instanceof CatalogueAggregate snapshot) {
                catalogue = snapshot;
            } else if (message.getPayload() instanceof CatalogueEvent event) {
                catalogue.fold(event);
            }
        }
        return catalogue.entry(credentialId).filter(entry -> !entry.retired())
                .map(CatalogueAggregate.Entry::definition);
    }
}
