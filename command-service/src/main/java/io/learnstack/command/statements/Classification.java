package io.learnstack.command.statements;

/**
 * What a statement means for a learner's progress, decided from its verb and result.
 *
 * @param kind        the kind of learning event, or {@link Kind#NONE}
 * @param activityId  the activity concerned, {@code null} for {@link Kind#NONE}
 * @param scaledScore {@code result.score.scaled}, or {@code null}
 * @param rawScore    {@code result.score.raw}, or {@code null}
 * @param success     whether it was a success, or {@code null} when unknown
 */
public record Classification(Kind kind, String activityId, Double scaledScore, Double rawScore, Boolean success) {

    /** The kinds of learning event a statement can stand for. */
    public enum Kind {
        /** Not about a learning activity (for example a statement about another agent). */
        NONE,
        /** Any other activity: launched, experienced, attempted, progressed. */
        ACTIVITY,
        /** An assessment was marked: passed, failed or scored. */
        ASSESSMENT,
        /** An activity was completed. */
        COMPLETION
    }

    static Classification none() {
        return new Classification(Kind.NONE, null, null, null, null);
    }
}
