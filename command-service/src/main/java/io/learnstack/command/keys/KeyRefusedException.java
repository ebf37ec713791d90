package io.learnstack.command.keys;

/** A key change that was refused; nothing was recorded. */
class KeyRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why; each reason has its own status code. */
    enum Reason {
        /** A malformed tenant, key or role list: 400. */
        INVALID,
        /** No such issued key: 404. */
        UNKNOWN,
        /** The key exists, existed, or is a configured key: 409. */
        EXISTS,
        /** The key is revoked and cannot change any more: 409. */
        REVOKED
    }

    private final Reason reason;

    KeyRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
