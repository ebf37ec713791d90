package io.learnstack.command.web;

/** A request body above the size the LRS accepts: refused with {@code 413 Content Too Large}. */
public class RequestTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(long limit) {
        super("the request body is larger than the " + limit + " bytes this LRS accepts; send attachments "
                + "by fileUrl or in smaller requests");
    }
}
