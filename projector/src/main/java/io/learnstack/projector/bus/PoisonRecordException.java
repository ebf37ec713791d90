package io.learnstack.projector.bus;

/**
 * A record that can never be applied: it fails the same way on every try. The error handler sends it to
 * the dead-letter topic at once instead of retrying it.
 */
public class PoisonRecordException extends RuntimeException {

    PoisonRecordException(Throwable cause) {
        super(cause.getClass().getName() + ": " + cause.getMessage(), cause);
    }
}
