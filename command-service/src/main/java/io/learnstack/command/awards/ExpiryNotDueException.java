package io.learnstack.command.awards;

/** An award may only expire at or after its {@code validUntil}, and only when it has one. */
class ExpiryNotDueException extends RuntimeException {

    ExpiryNotDueException(String message) {
        super(message);
    }
}
