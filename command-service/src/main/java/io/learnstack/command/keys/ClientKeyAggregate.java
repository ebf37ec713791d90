package io.learnstack.command.keys;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.learnstack.command.keys.KeyRefusedException.Reason;
import io.learnstack.events.ClientKeyIssued;
import io.learnstack.events.ClientKeyRevoked;
import io.learnstack.events.ClientKeySecretRotated;

/**
 * One issued key: issued once, its secret rotated any number of times, revoked for good. A revoked key's
 * name stays taken, so a later key of that name can never inherit what the old one was trusted with.
 */
@Aggregate
class ClientKeyAggregate {

    @AggregateIdentifier
    private String id;
    private String tenant;
    private int generation;
    private boolean revoked;

    ClientKeyAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueKey command) {
        if (id != null) {
            throw new KeyRefusedException(Reason.EXISTS, "the key '" + command.key() + "' exists or existed");
        }
        apply(new ClientKeyIssued(command.tenant(), command.key(), command.secretHash(), command.roles(),
                command.at()));
    }

    /** @return the tenant the key acts for */
    @CommandHandler
    String handle(RotateKeySecret command) {
        refuseIfRevoked(command.key());
        apply(new ClientKeySecretRotated(tenant, command.key(), command.secretHash(), generation + 1, command.at()));
        return tenant;
    }

    /** @return the tenant the key acted for */
    @CommandHandler
    String handle(RevokeKey command) {
        if (!revoked) {
            apply(new ClientKeyRevoked(tenant, command.key(), command.at()));
        }
        return tenant;
    }

    private void refuseIfRevoked(String key) {
        if (revoked) {
            throw new KeyRefusedException(Reason.REVOKED, "the key '" + key + "' is revoked");
        }
    }

    @EventSourcingHandler
    void on(ClientKeyIssued event) {
        id = KeyCommand.aggregateId(event.key());
        tenant = event.tenant();
        generation = 1;
    }

    @EventSourcingHandler
    void on(ClientKeySecretRotated event) {
        generation = event.generation();
    }

    @EventSourcingHandler
    void on(ClientKeyRevoked event) {
        revoked = true;
    }
}
