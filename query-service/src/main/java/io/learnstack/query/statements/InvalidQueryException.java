package io.learnstack.query.statements;

/** A query the statement resource cannot answer as asked: answered with 400 and the reason. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
