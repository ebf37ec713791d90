package io.learnstack.command.catalogue;

import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.publishing.PublicationTracker;

/**
 * Takes catalogue changes in: sends each to the tenant's catalogue, tries again when another change to
 * the same catalogue was appended meanwhile, and answers once the events are on the bus (or a bounded
 * wait has passed), so that a read issued after the answer sees the change.
 */
@Service
class CatalogueIntake {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIntake.class);

    /** Every change of a tenant's catalogue goes through one aggregate; concurrent ones wait their turn. */
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final PublicationTracker publication;

    CatalogueIntake(CommandGateway commands, PublicationTracker publication) {
        this.commands = commands;
        this.publication = publication;
    }

    /** @return the new credential's revision */
    int define(DefineCredential command) {
        return change(command);
    }

    /** @return the credential's revision after the change */
    int revise(ReviseCredential command) {
        return change(command);
    }

    void retire(RetireCredential command) {
        change(command);
    }

    private <R> R change(CatalogueCommand command) {
        R result = AppendRetry.retryingLostRaces(ATTEMPTS, () -> send(command));
        if (!publication.awaitPublished(Set.of(command.aggregateId()))) {
            log.warn("answering a catalogue change before it reached Kafka; it is stored and will follow");
        }
        return result;
    }

    private <R> R send(CatalogueCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof CatalogueRefusedException refused) {
                    throw refused;
                }
            }
            throw failure;
        }
    }
}
