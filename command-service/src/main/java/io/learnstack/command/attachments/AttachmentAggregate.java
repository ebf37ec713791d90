package io.learnstack.command.attachments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.learnstack.events.AttachmentStored;

/**
 * The content of one attachment of one tenant, named by its hash. It is recorded the first time it
 * arrives and never again: equal hashes mean equal content, however many statements refer to it. The
 * event store's unique key on (aggregate, sequence) makes two requests that deliver new content at once
 * store it once.
 */
@Aggregate
class AttachmentAggregate {

    @AggregateIdentifier
    private String id;

    AttachmentAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StoreAttachment command) {
        if (id != null) {
            return;
        }
        apply(new AttachmentStored(command.tenant(), command.sha2(), command.contentType(), command.content(),
                command.stored()));
    }

    @EventSourcingHandler
    void on(AttachmentStored event) {
        id = StoreAttachment.aggregateIdOf(event.tenant(), event.sha2());
    }
}
