package io.learnstack.command.statements;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.learnstack.command.attachments.Part;
import io.learnstack.command.attachments.StatementAttachments;
import io.learnstack.command.attachments.StoreAttachment;
import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.config.DomainEventTable;
import io.learnstack.command.enrolments.EnrolmentCommand;
import io.learnstack.command.enrolments.StatementEnrolments;
import io.learnstack.command.publishing.PublicationTracker;
import io.learnstack.security.Client;
import io.learnstack.command.xapi.Actors;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.StatementFingerprint;
import io.learnstack.command.xapi.StatementNormaliser;
import io.learnstack.command.xapi.StatementValidator;
import io.learnstack.command.xapi.XapiVersion;

/**
 * Takes a request's statements in: validates them all and matches their attachments with the contents
 * the request delivered, normalises them, and records them with those contents in one unit of work, so
 * a batch is stored whole or not at all. Answers only once the events are on the bus (or a
 * bounded wait has passed), so that a read issued after the answer sees the statements.
 */
@Service
class StatementIntake {

    private static final Logger log = LoggerFactory.getLogger(StatementIntake.class);

    private final CommandGateway commands;
    private final DomainEventTable eventTable;
    private final TransactionManager transactions;
    private final PublicationTracker publication;
    private final StatementClassifier classifier;
    private final AuthorityFactory authorities;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final StatementEnrolments enrolments;
    private final StatementValidator validator = new StatementValidator();
    private final StatementNormaliser normaliser = new StatementNormaliser();
    private final StatementAttachments statementAttachments = new StatementAttachments();

    StatementIntake(CommandGateway commands, DomainEventTable eventTable, TransactionManager transactions,
            PublicationTracker publication, StatementClassifier classifier, AuthorityFactory authorities,
            ObjectMapper json, MeterRegistry meters, StatementEnrolments enrolments) {
        this.commands = commands;
        this.eventTable = eventTable;
        this.transactions = transactions;
        this.publication = publication;
        this.classifier = classifier;
        this.authorities = authorities;
        this.json = json;
        this.meters = meters;
        this.enrolments = enrolments;
    }

    /**
     * Records the statements of one request, and the attachment contents it delivered with them.
     *
     * @param attachments the parts after the statements of a multipart request; empty for JSON
     * @return their ids, in the order given
     * @throws InvalidStatementException when any statement is invalid, or its attachments do not match the
     *                                   parts; nothing is recorded then
     * @throws StatementConflictException when an id is taken by other content; nothing is recorded then
     */
    List<String> record(Client client, List<JsonNode> statements, List<Part> attachments, XapiVersion version) {
        Instant stored = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<RecordStatement> batch;
        List<StoreAttachment> contents;
        List<EnrolmentCommand> enrolmentCommands = new ArrayList<>();
        try {
            batch = prepare(client, statements, stored, version, enrolmentCommands);
            contents = statementAttachments.check(statements, attachments).stream()
                    .map(received -> StoreAttachment.of(client.tenant(), received, stored)).toList();
        } catch (InvalidStatementException invalid) {
            meters.counter("learnstack.statements.rejected", "reason", "invalid").increment();
            throw invalid;
        }
        Map<String, VoidStatement> voidings = voidingsOf(batch);
        try {
            meters.timer("learnstack.statements.append").record(() -> appendWithOneRetry(client.tenant(), batch, voidings, contents,
                    enrolmentCommands));
        } catch (StatementConflictException conflict) {
            meters.counter("learnstack.statements.rejected", "reason", "conflict").increment();
            throw conflict;
        } catch (InvalidStatementException invalid) {
            meters.counter("learnstack.statements.rejected", "reason", "invalid").increment();
            throw invalid;
        }
        meters.counter("learnstack.statements.accepted").increment(batch.size());
        Set<String> aggregateIds = new LinkedHashSet<>();
        batch.forEach(command -> aggregateIds.add(command.aggregateId()));
        aggregateIds.addAll(voidings.keySet());
        // The contents too, stored now or by an earlier request: a statement must not be read before them.
        contents.forEach(content -> aggregateIds.add(content.aggregateId()));
        enrolmentCommands.forEach(command -> aggregateIds.add(command.aggregateId()));
        Timer.Sample waiting = Timer.start();
        boolean published = publication.awaitPublished(aggregateIds);
        waiting.stop(meters.timer("learnstack.statements.publication.wait"));
        if (!published) {
            meters.counter("learnstack.statements.unpublished.answers").increment();
            log.warn("answering a write of {} statements before they reached Kafka; they are stored and will follow",
                    batch.size());
        }
        return batch.stream().map(RecordStatement::statementId).toList();
    }

    List<RecordStatement> prepare(Client client, List<JsonNode> statements, Instant stored,
            XapiVersion version, List<EnrolmentCommand> enrolmentCommands) {
        JsonNode authority = authorities.authorityOf(client);
        Set<String> ids = new HashSet<>();
        List<RecordStatement> batch = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            JsonNode raw = statements.get(i);
            String where = statements.size() > 1 ? "statement[" + i + "]" : "statement";
            validator.validate(raw, version, where);
            ObjectNode statement = normaliser.normalise(raw, authority, stored, version, UUID::randomUUID);
            RecordStatement command = toCommand(client.tenant(), statement);
            if (!ids.add(command.statementId())) {
                throw new InvalidStatementException(where + ": id " + command.statementId()
                        + " appears more than once in the request");
            }
            batch.add(command);
            enrolmentCommands.addAll(enrolments.commandsFor(client.tenant(), statement));
        }
        return batch;
    }

    private RecordStatement toCommand(String tenant, ObjectNode statement) {
        String statementId = statement.get("id").asText();
        JsonNode object = statement.get("object");
        String objectId = object.hasNonNull("id") ? object.get("id").asText()
                : Actors.learnerKeyOfObject(statement).orElse(null);
        JsonNode registration = statement.path("context").path("registration");
        try {
            return new RecordStatement(RecordStatement.aggregateIdOf(tenant, statementId), tenant, statementId,
                    StatementFingerprint.of(statement), Actors.learnerKey(statement.get("actor")),
                    statement.get("verb").get("id").asText(), object.path("objectType").asText("Activity"), objectId,
                    registration.isTextual() ? registration.asText().toLowerCase() : null,
                    OffsetDateTime.parse(statement.get("timestamp").asText()).toInstant(),
                    Instant.parse(statement.get("stored").asText()), json.writeValueAsString(statement),
                    classifier.classify(tenant, statement));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Two requests may create the same new statement id at once; the event store's unique
     * (aggregate, sequence) key lets one win, and the other's retry then compares content.
     */
    private void appendWithOneRetry(String tenant, List<RecordStatement> batch, Map<String, VoidStatement> voidings,
            List<StoreAttachment> contents, List<EnrolmentCommand> enrolmentCommands) {
        AppendRetry.retryingLostRaces(2, () -> {
            append(tenant, batch, voidings, contents, enrolmentCommands);
            return null;
        });
    }

    /**
     * Appends in one unit of work, so statements are never stored without the contents they refer to.
     * Contents a tenant has already are not sent again: that would read them back from the event store
     * only to find there is nothing to do.
     */
    private void append(String tenant, List<RecordStatement> batch, Map<String, VoidStatement> voidings,
            List<StoreAttachment> contents, List<EnrolmentCommand> enrolmentCommands) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            Set<String> inBatch = new HashSet<>();
            batch.forEach(command -> inBatch.add(command.aggregateId()));
            Set<String> asked = new HashSet<>(inBatch);
            asked.addAll(voidings.keySet());
            contents.forEach(content -> asked.add(content.aggregateId()));
            Set<String> existing = new HashSet<>(eventTable.existingAggregates(asked));
            Set<String> knownNew = new HashSet<>(inBatch);
            knownNew.removeAll(existing);
            StatementRepository.declareNew(knownNew);
            for (StoreAttachment content : contents) {
                if (!existing.contains(content.aggregateId())) {
                    commands.sendAndWait(content);
                }
            }
            for (RecordStatement command : batch) {
                commands.sendAndWait(command);
            }
            // A voiding statement whose target the LRS has not seen is stored, and voids nothing.
            for (Map.Entry<String, VoidStatement> voiding : voidings.entrySet()) {
                if (existing.contains(voiding.getKey()) || inBatch.contains(voiding.getKey())) {
                    commands.sendAndWait(voiding.getValue());
                }
            }
            enrolments.sendWithin(tenant, enrolmentCommands);
            unitOfWork.commit();
        } catch (RuntimeException failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
            throw unwrap(failure);
        }
    }

    /** The statements the batch's voiding statements target, by aggregate id. */
    private static Map<String, VoidStatement> voidingsOf(List<RecordStatement> batch) {
        Map<String, VoidStatement> voidings = new LinkedHashMap<>();
        for (RecordStatement command : batch) {
            if (StatementAggregate.VOIDED.equals(command.verbId()) && "StatementRef".equals(command.objectType())) {
                String target = RecordStatement.aggregateIdOf(command.tenant(), command.objectId().toLowerCase());
                voidings.putIfAbsent(target, new VoidStatement(target, command.statementId(), command.stored()));
            }
        }
        return voidings;
    }

    private static RuntimeException unwrap(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatementConflictException conflict) {
                return conflict;
            }
            if (cause instanceof InvalidStatementException invalid) {
                return invalid;
            }
        }
        return failure;
    }
}
