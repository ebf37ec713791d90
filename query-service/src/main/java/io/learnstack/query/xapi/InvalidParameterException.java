package io.learnstack.query.xapi;

/** A request parameter that is missing, repeated, unknown or malformed: answered with 400 and the reason. */
public class InvalidParameterException extends RuntimeException {

    public InvalidParameterException(String message) {
        super(message);
    }
}
