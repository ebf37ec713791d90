package io.learnstack.command.documents;

/** A document write the LRS refuses for a reason other than a malformed request; nothing was stored. */
public class DocumentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the write was refused; each reason has its own status code. */
    public enum Reason {
        /** The write would replace a document without saying so: 409 Conflict. */
        CONFLICT,
        /** If-Match or If-None-Match does not hold: 412 Precondition Failed. */
        PRECONDITION_FAILED,
        /** The write must name a precondition and names none: 400 Bad Request, as xAPI 1.0.3 wants. */
        PRECONDITION_REQUIRED,
        /** The document is larger than the LRS accepts: 413 Content Too Large. */
        TOO_LARGE
    }

    private final Reason reason;

    public DocumentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the write was refused. */
    public Reason reason() {
        return reason;
    }
}
