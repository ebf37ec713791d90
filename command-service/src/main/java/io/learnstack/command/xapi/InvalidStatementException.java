package io.learnstack.command.xapi;

/**
 * A request or statement the LRS must refuse with {@code 400 Bad Request}.
 * <p>
 * The message is meant for the client: it names the JSON path of the offending value where there is
 * one, e.g. {@code statement.actor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account}.
 */
public class InvalidStatementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidStatementException(String message) {
        super(message);
    }

    public InvalidStatementException(String message, Throwable cause) {
        super(message, cause);
    }
}
