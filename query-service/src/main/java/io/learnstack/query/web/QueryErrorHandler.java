package io.learnstack.query.web;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.mongodb.MongoException;

import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.query.statements.InvalidQueryException;
import io.learnstack.query.xapi.InvalidParameterException;

/** Maps failures to the status codes the xAPI specification gives them, each with a readable message. */
@RestControllerAdvice
class QueryErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryErrorHandler.class);
    private static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

    private final ReadBarrier barrier;

    QueryErrorHandler(ReadBarrier barrier) {
        this.barrier = barrier;
    }

    /**
     * The statement resource names its consistency on every answer, refusals included, and clients poll
     * on it: so a refusal takes the same bounded wait a read does, and names a time that moves on.
     */
    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Map<String, String>> badRequest(InvalidQueryException e) {
        return ResponseEntity.badRequest()
                .header(CONSISTENT_THROUGH, DateTimeFormatter.ISO_INSTANT.format(barrier.await().consistentThrough()))
                .body(Map.of("error", HttpStatus.BAD_REQUEST.getReasonPhrase(), "message", e.getMessage()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, String>> invalidParameter(InvalidParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, String>> notFound(Exception e) {
        return error(HttpStatus.NOT_FOUND, "no such resource");
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<Map<String, String>> readModelsUnavailable(MongoException e) {
        log.warn("read models unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Map.of("error", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                        "message", "the read models are unavailable; try again"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "the LRS could not answer the request");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", status.getReasonPhrase(), "message", message));
    }
}
