package io.learnstack.command.documents;

import java.util.Locale;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.publishing.PublicationTracker;
import io.learnstack.command.xapi.InvalidStatementException;

/**
 * Takes document writes in: sends each to its scope's aggregate, tries again when another request
 * appended to the same scope meanwhile, and answers once the events are on the bus (or a bounded wait
 * has passed), so that a read issued after the answer sees the write.
 */
@Service
class DocumentIntake {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);

    /** A busy scope (one learner's state set) may see several writes at once; each waits its turn. */
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final PublicationTracker publication;
    private final MeterRegistry meters;

    DocumentIntake(CommandGateway commands, PublicationTracker publication, MeterRegistry meters) {
        this.commands = commands;
        this.publication = publication;
        this.meters = meters;
    }

    /**
     * Decides and records a write.
     *
     * @return the written document's entity tag, or {@code null} for a delete
     * @throws InvalidStatementException when the write cannot apply to the document as it stands
     * @throws DocumentRefusedException  when a precondition fails; nothing is recorded then
     */
    String write(DocumentCommand command) {
        String kind = command.scope().kind().name().toLowerCase(Locale.ROOT);
        String etag;
        try {
            etag = meters.timer("learnstack.documents.append", "kind", kind).record(
                    () -> AppendRetry.retryingLostRaces(ATTEMPTS, () -> send(command)));
        } catch (DocumentRefusedException refused) {
            meters.counter("learnstack.documents.refused", "kind", kind,
                    "reason", refused.reason().name().toLowerCase(Locale.ROOT)).increment();
            throw refused;
        } catch (InvalidStatementException invalid) {
            meters.counter("learnstack.documents.refused", "kind", kind, "reason", "invalid").increment();
            throw invalid;
        }
        Timer.Sample waiting = Timer.start();
        boolean published = publication.awaitPublished(Set.of(command.aggregateId()));
        waiting.stop(meters.timer("learnstack.documents.publication.wait"));
        if (!published) {
            meters.counter("learnstack.documents.unpublished.answers").increment();
            log.warn("answering a {} write before it reached Kafka; it is stored and will follow", kind);
        }
        return etag;
    }

    private String send(DocumentCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            throw unwrap(failure);
        }
    }

    private static RuntimeException unwrap(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DocumentRefusedException refused) {
                return refused;
            }
            if (cause instanceof InvalidStatementException invalid) {
                return invalid;
            }
        }
        return failure;
    }
}
