package io.learnstack.projector.eligibility;

/** Where a learner stands with one credential, as stored; {@code expiring} is decided when read. */
enum Status {
    NOT_STARTED("not-started"),
    IN_PROGRESS("in-progress"),
    ELIGIBLE("eligible"),
    ISSUED("issued"),
    EXPIRED("expired"),
    REVOKED("revoked");

    private final String wire;

    Status(String wire) {
        this.wire = wire;
    }

    /** The name in the read model and the API. */
    String wire() {
        return wire;
    }
}
