package io.learnstack.command.catalogue;

/** A catalogue change the catalogue refuses; nothing was recorded. */
class CatalogueRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the change was refused; each reason has its own status code. */
    enum Reason {
        /** The definition is malformed, names an unknown credential or would make credentials stack in a cycle: 400. */
        INVALID,
        /** The tenant has no such credential: 404. */
        UNKNOWN,
        /** A credential with that id exists, or existed: 409. */
        EXISTS,
        /** The credential is retired and cannot change any more: 409. */
        RETIRED
    }

    private final Reason reason;

    CatalogueRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static CatalogueRefusedException invalid(String message) {
        return new CatalogueRefusedException(Reason.INVALID, message);
    }

    Reason reason() {
        return reason;
    }
}
