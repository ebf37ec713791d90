package io.learnstack.command.web;

import java.sql.SQLException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.documents.DocumentRefusedException;
import io.learnstack.command.statements.StatementConflictException;
import io.learnstack.command.xapi.InvalidStatementException;

/** Maps failures to the status codes the xAPI specification gives them, each with a readable message. */
@RestControllerAdvice
class XapiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(XapiErrorHandler.class);

    @ExceptionHandler({InvalidStatementException.class, HttpMessageNotReadableException.class,
            InvalidMediaTypeException.class, HttpMediaTypeException.class, MissingRequestValueException.class,
            MultipartException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Map<String, String>> tooLarge(RequestTooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(StatementConflictException.class)
    ResponseEntity<Map<String, String>> conflict(StatementConflictException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(DocumentRefusedException.class)
    ResponseEntity<Map<String, String>> documentRefused(DocumentRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
        return error(status, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "no such resource");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        if (AppendRetry.isLostRace(e)) {
            // Each retry lost to another append to the same stream (another instance, or a burst on one
            // learner): nothing of this request was stored, and the same request again will find the winner's.
            log.warn("append lost every race: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(body(HttpStatus.SERVICE_UNAVAILABLE,
                            "concurrent writes to the same record; nothing was stored, try again"));
        }
        if (causedBy(e, SQLException.class) || causedBy(e, CannotGetJdbcConnectionException.class)) {
            log.warn("event store unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(body(HttpStatus.SERVICE_UNAVAILABLE, "the event store is unavailable; nothing was stored, try again"));
        }
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "the LRS could not process the request; nothing was stored");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(body(status, message));
    }

    private static Map<String, String> body(HttpStatus status, String message) {
        return Map.of("error", status.getReasonPhrase(), "message", message == null ? status.getReasonPhrase() : message);
    }
}
