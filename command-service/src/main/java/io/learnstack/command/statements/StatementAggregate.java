package io.learnstack.command.statements;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.StatementFingerprint;
import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.LearningActivityRecorded;
import io.learnstack.events.StatementRecorded;
import io.learnstack.events.StatementVoided;

/**
 * One xAPI statement of one tenant. Statements are immutable: the same id with the same content is
 * accepted again without a new event, the same id with other content is a conflict. A statement can be
 * voided once, by a voiding statement, unless it is a voiding statement itself.
 */
@Aggregate(repository = "statementRepository")
class StatementAggregate {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    @AggregateIdentifier
    private String id;
    private String tenant;
    private String statementId;
    private String learnerKey;
    private String statement;
    private boolean voiding;
    private boolean voided;

    StatementAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordStatement command) {
        if (statement != null) {
            if (fingerprint().equals(command.fingerprint())) {
                return;
            }
            throw new StatementConflictException(command.statementId());
        }
        apply(new StatementRecorded(command.tenant(), command.statementId(), command.learnerKey(),
                command.verbId(), command.objectType(), command.objectId(), command.registration(), command.timestamp(),
                command.stored(), command.statement()));
        Classification c = command.classification();
        switch (c.kind()) {
            case ACTIVITY -> apply(new LearningActivityRecorded(command.tenant(), command.statementId(),
                    command.learnerKey(), c.activityId(), command.verbId(), command.registration(),
                    command.timestamp()));
            case ASSESSMENT -> apply(new AssessmentSubmitted(command.tenant(), command.statementId(),
                    command.learnerKey(), c.activityId(), command.verbId(), command.registration(),
                    c.scaledScore(), c.rawScore(), c.success(), command.timestamp()));
            case COMPLETION -> apply(new CompletionRecorded(command.tenant(), command.statementId(),
                    command.learnerKey(), c.activityId(), command.registration(), c.success(),
                    command.timestamp()));
            case NONE -> {
                // nothing beyond the statement itself
            }
        }
    }

    /**
     * Only a statement that is not itself a voiding statement can be voided; voiding one that is voided
     * already changes nothing.
     */
    @CommandHandler
    void handle(VoidStatement command) {
        if (voiding) {
            throw new InvalidStatementException("statement " + statementId
                    + " is a voiding statement and cannot be voided");
        }
        if (!voided) {
            apply(new StatementVoided(tenant, statementId, learnerKey, command.voidingStatementId(),
                    command.voidedAt()));
        }
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        id = RecordStatement.aggregateIdOf(event.tenant(), event.statementId());
        tenant = event.tenant();
        statementId = event.statementId();
        learnerKey = event.learnerKey();
        voiding = VOIDED.equals(event.verbId());
        statement = event.statement();
    }

    @EventSourcingHandler
    void on(StatementVoided event) {
        voided = true;
    }

    /**
     * Computed from the recorded statement rather than kept in the event, so the rule for "same content"
     * can evolve; and only when the same id is sent again, not for every statement recorded.
     */
    private String fingerprint() {
        try {
            return StatementFingerprint.of(JSON.readTree(statement));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("recorded statement " + statementId + " is not JSON", unreadable);
        }
    }
}
