package io.learnstack.command.statements;

import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The statement aggregates' repository. Nearly every statement is new, and asking the event store for
 * each one's history costs two round trips per statement; the intake instead learns with one query
 * which statements of a request already exist, and this repository does not read the others. Should
 * another request create one of them meanwhile, the event store's unique key rejects the append and
 * the intake tries again, reading this time.
 */
class StatementRepository extends EventSourcingRepository<StatementAggregate> {

    private static final String KNOWN_NEW = StatementRepository.class.getName() + ".knownNew";

    StatementRepository(Builder<StatementAggregate> builder) {
        super(builder);
    }

    /** Marks, for the current unit of work, the aggregates that have no events yet. */
    static void declareNew(Set<String> aggregateIds) {
        CurrentUnitOfWork.get().root().resources().put(KNOWN_NEW, aggregateIds);
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            Set<?> knownNew = CurrentUnitOfWork.get().root().getResource(KNOWN_NEW);
            if (knownNew != null && knownNew.contains(aggregateIdentifier)) {
                return DomainEventStream.empty();
            }
        }
        return super.readEvents(aggregateIdentifier);
    }
}
