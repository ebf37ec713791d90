package io.learnstack.command.keys;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The admin API's refusals, each with a short code and a readable message, ahead of the xAPI handler. */
@RestControllerAdvice(assignableTypes = AdminKeyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminKeyErrorHandler {

    @ExceptionHandler(KeyRefusedException.class)
    ResponseEntity<Map<String, String>> refused(KeyRefusedException e) {
        return switch (e.reason()) {
            case INVALID -> error(HttpStatus.BAD_REQUEST, "invalid-key-request", e.getMessage());
            case UNKNOWN -> error(HttpStatus.NOT_FOUND, "unknown-key", e.getMessage());
            case EXISTS -> error(HttpStatus.CONFLICT, "key-exists", e.getMessage());
            case REVOKED -> error(HttpStatus.CONFLICT, "key-revoked", e.getMessage());
        };
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
