package io.learnstack.command.enrolments;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.config.DomainEventTable;
import io.learnstack.command.publishing.PublicationTracker;

/**
 * Carries enrolment commands out: from the enrolment API in a unit of work of their own, answering once
 * the events are on the bus; from statements inside the statement intake's unit of work. Either way the
 * enrolment directory is written in the same transaction as the events.
 */
@Service
class EnrolmentDesk {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentDesk.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final PublicationTracker publication;
    private final EnrolmentDirectory directory;
    private final DomainEventTable eventTable;

    EnrolmentDesk(CommandGateway commands, TransactionManager transactions, PublicationTracker publication,
            EnrolmentDirectory directory, DomainEventTable eventTable) {
        this.commands = commands;
        this.transactions = transactions;
        this.publication = publication;
        this.directory = directory;
        this.eventTable = eventTable;
    }

    Enrolled enrol(String tenant, EnrolLearner command) {
        Enrolled enrolled = inUnitOfWork(() -> enrolWithin(tenant, command));
        awaitPublished(command.aggregateId());
        return enrolled;
    }

    String withdraw(String tenant, String enrolmentId, String reason, Instant at) {
        String aggregateId = directory.aggregateOf(tenant, enrolmentId)
                .orElseThrow(() -> EnrolmentRefusedException.notFound(enrolmentId));
        inUnitOfWork(() -> commands.sendAndWait(new WithdrawEnrolment(aggregateId, enrolmentId, reason, at, null)));
        awaitPublished(aggregateId);
        return enrolmentId;
    }

    String complete(String tenant, String enrolmentId, Boolean success, Instant at) {
        String aggregateId = directory.aggregateOf(tenant, enrolmentId)
                .orElseThrow(() -> EnrolmentRefusedException.notFound(enrolmentId));
        inUnitOfWork(() -> commands.sendAndWait(new CompleteEnrolment(aggregateId, enrolmentId, null, success, at,
                null)));
        awaitPublished(aggregateId);
        return enrolmentId;
    }

    /**
     * Sends commands classified from statements within the unit of work already under way. A command that
     * names an enrolment of another learner, or a learner without enrolments, is left out.
     */
    void sendWithin(String tenant, List<EnrolmentCommand> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(eventTable.existingAggregates(
                batch.stream().map(EnrolmentCommand::aggregateId).distinct().toList()));
        for (EnrolmentCommand command : batch) {
            if (command instanceof EnrolLearner enrol) {
                if (enrolWithin(tenant, enrol) != null) {
                    known.add(enrol.aggregateId());
                }
            } else if (command instanceof WithdrawEnrolment withdraw) {
                if (ownedBy(tenant, withdraw.enrolmentId(), withdraw.aggregateId())) {
                    commands.sendAndWait(withdraw);
                }
            } else if (command instanceof CompleteEnrolment complete) {
                boolean owned = complete.enrolmentId() == null ? known.contains(complete.aggregateId())
                        : ownedBy(tenant, complete.enrolmentId(), complete.aggregateId());
                if (owned) {
                    commands.sendAndWait(complete);
                }
            }
        }
    }

    private boolean ownedBy(String tenant, String enrolmentId, String aggregateId) {
        return directory.aggregateOf(tenant, enrolmentId).filter(aggregateId::equals).isPresent();
    }

    /** @return what enrolling decided, or {@code null} when a statement's enrolment id is another learner's */
    private Enrolled enrolWithin(String tenant, EnrolLearner command) {
        Optional<String> owner = directory.aggregateOf(tenant, command.enrolmentId());
        if (owner.isPresent() && !owner.get().equals(command.aggregateId())) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.conflict("enrolment " + command.enrolmentId()
                    + " belongs to another learner");
        }
        Enrolled enrolled = commands.sendAndWait(command);
        if (enrolled.created()) {
            directory.record(tenant, command.enrolmentId(), command.aggregateId());
        }
        return enrolled;
    }

    /**
     * Runs the work in a unit of work of its own, once more if it lost a race with another request for
     * the same learner (or the same new enrolment id), which it then sees.
     */
    private <T> T inUnitOfWork(Supplier<T> work) {
        if (CurrentUnitOfWork.isStarted()) {
            return work.get();
        }
        return AppendRetry.retryingLostRaces(2, () -> inNewUnitOfWork(work));
    }

    private <T> T inNewUnitOfWork(Supplier<T> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            T result = work.get();
            unitOfWork.commit();
            return result;
        } catch (RuntimeException failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
            throw unwrap(failure);
        }
    }

    private void awaitPublished(String aggregateId) {
        if (!publication.awaitPublished(Set.of(aggregateId))) {
            log.warn("answering an enrolment request before its events reached Kafka; they are stored and will follow");
        }
    }

    private static RuntimeException unwrap(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EnrolmentRefusedException refused) {
                return refused;
            }
        }
        return failure;
    }
}
