package io.learnstack.command.web;

/** A request above the size the LRS accepts: refused with {@code 413 Content Too Large}. */
public class RequestTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(long limit) {
        this("the request body is larger than the " + limit + " bytes this LRS accepts; send attachments "
                + "by fileUrl or in smaller requests");
    }

    /** @param message what was too large, and the limit */
    public RequestTooLargeException(String message) {
        super(message);
    }
}
