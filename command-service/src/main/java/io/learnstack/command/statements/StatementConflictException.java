package io.learnstack.command.statements;

/** A statement id is already taken by a statement with different content. */
public class StatementConflictException extends RuntimeException {

    public StatementConflictException(String statementId) {
        super("statement " + statementId + " already exists with different content");
    }
}
