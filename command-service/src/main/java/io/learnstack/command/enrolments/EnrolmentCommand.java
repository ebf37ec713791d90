package io.learnstack.command.enrolments;

/**
 * A command to one learner's enrolments. The statement intake carries these from a statement to the
 * unit of work that records it, without knowing what they say.
 */
public sealed interface EnrolmentCommand permits EnrolLearner, WithdrawEnrolment, CompleteEnrolment {

    /** The learner's enrolments in the event store: see {@link LearnerEnrolmentsAggregate#aggregateIdOf}. */
    String aggregateId();

    /** The statement it was classified from, or {@code null} when it came from the enrolment API. */
    String statementId();

    /** A command classified from a statement never refuses: what does not fit is left out instead. */
    default boolean fromStatement() {
        return statementId() != null;
    }
}
