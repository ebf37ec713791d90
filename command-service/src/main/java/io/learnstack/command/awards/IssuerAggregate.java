package io.learnstack.command.awards;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.learnstack.events.IssuerKeyPublished;

/** A tenant as a credential issuer: publishes each of its public keys exactly once. */
@Aggregate
class IssuerAggregate {

    @AggregateIdentifier
    private String id;
    private final Set<String> published = new HashSet<>();

    IssuerAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishIssuerKey command) {
        if (!published.contains(command.keyId())) {
            apply(new IssuerKeyPublished(command.tenant(), command.keyId(), IssuerKey.ALGORITHM, command.publicJwk(),
                    command.published()));
        }
    }

    @EventSourcingHandler
    void on(IssuerKeyPublished event) {
        id = AwardIds.issuerAggregateId(event.tenant());
        published.add(event.keyId());
    }
}
