package io.learnstack.command.enrolments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.learnstack.events.EnrolmentCompleted;
import io.learnstack.events.EnrolmentWithdrawn;
import io.learnstack.events.LearnerEnrolled;
import io.learnstack.events.LearnerReEnrolled;

/**
 * One learner's enrolments at one tenant. It decides whether an enrolment is new (enrolling is
 * idempotent by enrolment id), whether it is a re-enrolment, and whether an enrolment can still be
 * withdrawn or completed. Commands classified from statements never fail: a statement is stored
 * whatever its enrolment meaning turns out to be.
 */
@Aggregate
class LearnerEnrolmentsAggregate {

    @AggregateIdentifier
    private String id;
    private String tenant;
    private String learnerKey;
    private final Map<String, Enrolment> enrolments = new LinkedHashMap<>();

    LearnerEnrolmentsAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    /**
     * The aggregate identifier of a learner's enrolments: a name-based UUID of the learner key keeps it
     * short whatever the key's length.
     */
    static String aggregateIdOf(String tenant, String learnerKey) {
        return "enrolments/" + tenant + "/"
                + UUID.nameUUIDFromBytes(learnerKey.getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Enrolled handle(EnrolLearner command) {
        Enrolment existing = enrolments.get(command.enrolmentId());
        if (existing != null) {
            if (!existing.courseId().equals(command.courseId()) && !command.fromStatement()) {
                throw EnrolmentRefusedException.conflict("enrolment " + command.enrolmentId()
                        + " exists for another course: " + existing.courseId());
            }
            return new Enrolled(existing.id(), existing.reEnrolment(), false, learnerKey);
        }
        apply(new LearnerEnrolled(command.tenant(), command.enrolmentId(), command.learnerKey(),
                command.courseId(), command.offeringId(), command.cohort(), command.statementId(),
                command.enrolled()));
        Optional<Enrolment> previous = previousWithin(command);
        previous.ifPresent(ended -> apply(new LearnerReEnrolled(command.tenant(), command.enrolmentId(),
                command.learnerKey(), command.courseId(), ended.id(), ended.courseId(), ended.ended(),
                command.enrolled())));
        return new Enrolled(command.enrolmentId(), previous.isPresent(), true, command.learnerKey());
    }

    @CommandHandler
    String handle(WithdrawEnrolment command) {
        Enrolment enrolment = enrolments.get(command.enrolmentId());
        if (enrolment == null) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.notFound(command.enrolmentId());
        }
        if (enrolment.outcome() == Outcome.WITHDRAWN) {
            return enrolment.id();
        }
        if (enrolment.outcome() == Outcome.COMPLETED) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.conflict("enrolment " + enrolment.id() + " is completed already");
        }
        if (command.withdrawn().isBefore(enrolment.enrolled())) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.invalid("the withdrawal (" + command.withdrawn()
                    + ") is before the enrolment (" + enrolment.enrolled() + ")");
        }
        apply(new EnrolmentWithdrawn(tenant, enrolment.id(), learnerKey, enrolment.courseId(), command.reason(),
                command.statementId(), command.withdrawn()));
        return enrolment.id();
    }

    /** @return the completed enrolment's id, or {@code null} when a statement named no enrolment of ours */
    @CommandHandler
    String handle(CompleteEnrolment command) {
        Enrolment enrolment = command.enrolmentId() != null ? enrolments.get(command.enrolmentId())
                : latestOpenIn(command.courseId(), command.completed());
        if (enrolment == null) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.notFound(command.enrolmentId());
        }
        if (enrolment.outcome() == Outcome.COMPLETED) {
            return enrolment.id();
        }
        if (enrolment.outcome() == Outcome.WITHDRAWN) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.conflict("enrolment " + enrolment.id() + " was withdrawn");
        }
        if (command.completed().isBefore(enrolment.enrolled())) {
            if (command.fromStatement()) {
                return null;
            }
            throw EnrolmentRefusedException.invalid("the completion (" + command.completed()
                    + ") is before the enrolment (" + enrolment.enrolled() + ")");
        }
        apply(new EnrolmentCompleted(tenant, enrolment.id(), learnerKey, enrolment.courseId(), command.success(),
                command.statementId(), command.completed()));
        return enrolment.id();
    }

    /**
     * The enrolment in another course that ended most recently before this one began, if it ended
     * within the window.
     */
    private Optional<Enrolment> previousWithin(EnrolLearner command) {
        return enrolments.values().stream()
                .filter(e -> e.ended() != null && !e.courseId().equals(command.courseId()))
                .filter(e -> !e.ended().isAfter(command.enrolled()))
                .filter(e -> !e.ended().atOffset(ZoneOffset.UTC).plus(command.reEnrolmentWindow()).toInstant()
                        .isBefore(command.enrolled()))
                .max(Comparator.comparing((Enrolment e) -> e.ended()));
    }

    private Enrolment latestOpenIn(String courseId, Instant at) {
        return enrolments.values().stream()
                .filter(e -> e.outcome() == null && e.courseId().equals(courseId) && !e.enrolled().isAfter(at))
                .max(Comparator.comparing((Enrolment e) -> e.enrolled()))
                .orElse(null);
    }

    @EventSourcingHandler
    void on(LearnerEnrolled event) {
        id = aggregateIdOf(event.tenant(), event.learnerKey());
        tenant = event.tenant();
        learnerKey = event.learnerKey();
        enrolments.put(event.enrolmentId(),
                new Enrolment(event.enrolmentId(), event.courseId(), event.enrolled(), false, null, null));
    }

    @EventSourcingHandler
    void on(LearnerReEnrolled event) {
        Enrolment e = enrolments.get(event.enrolmentId());
        enrolments.put(e.id(), new Enrolment(e.id(), e.courseId(), e.enrolled(), true, e.outcome(), e.ended()));
    }

    @EventSourcingHandler
    void on(EnrolmentWithdrawn event) {
        enrolments.computeIfPresent(event.enrolmentId(), (id, e) -> e.ended(Outcome.WITHDRAWN, event.withdrawn()));
    }

    @EventSourcingHandler
    void on(EnrolmentCompleted event) {
        enrolments.computeIfPresent(event.enrolmentId(), (id, e) -> e.ended(Outcome.COMPLETED, event.completed()));
    }

    private enum Outcome { COMPLETED, WITHDRAWN }

    /** Immutable, so the state Axon compares after sourcing is compared by value. */
    private record Enrolment(String id, String courseId, Instant enrolled, boolean reEnrolment, Outcome outcome,
            Instant ended) {

        Enrolment ended(Outcome how, Instant at) {
            return new Enrolment(id, courseId, enrolled, reEnrolment, how, at);
        }
    }
}
