package io.learnstack.command.enrolments;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The enrolment API's errors in the API's own shape: {@code {"error": code, "message": text}}. */
@RestControllerAdvice(assignableTypes = EnrolmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnrolmentErrorHandler {

    @ExceptionHandler(EnrolmentRefusedException.class)
    ResponseEntity<Map<String, String>> refused(EnrolmentRefusedException e) {
        return switch (e.reason()) {
            case INVALID -> error(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
            case NOT_FOUND -> error(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
            case CONFLICT -> error(HttpStatus.CONFLICT, "conflict", e.getMessage());
        };
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid-json", "the body is not valid JSON");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
