package io.learnstack.command.config;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Appends that may lose a race. Two requests may append to the same aggregate at once, each from the
 * history it read; the event store's unique (aggregate, sequence) key lets one win, and the other tries
 * again from the history that now includes the winner's events.
 */
public final class AppendRetry {

    private static final String UNIQUE_VIOLATION = "23505";

    private AppendRetry() {
    }

    /**
     * Runs an append, and runs it again after each lost race, at most {@code attempts} times in all.
     *
     * @return what the last run returned
     */
    public static <T> T retryingLostRaces(int attempts, Supplier<T> append) {
        for (int attempt = 1; ; attempt++) {
            try {
                return append.get();
            } catch (RuntimeException failure) {
                if (attempt >= attempts || !isLostRace(failure)) {
                    throw failure;
                }
            }
        }
    }

    /** Whether a failed append lost a race to another append to the same aggregate. */
    public static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || (cause instanceof SQLException sql && isUniqueViolation(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQL state 23505 is a unique-key violation in H2 and PostgreSQL alike; a batch reports it one level down. */
    private static boolean isUniqueViolation(SQLException failure) {
        for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
