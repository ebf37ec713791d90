package io.learnstack.query.analytics;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The analytics API's errors in the API's own shape: {@code {"error": code, "message": text}}, as JSON. */
@RestControllerAdvice(assignableTypes = AnalyticsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalyticsErrorHandler {

    @ExceptionHandler(AnalyticsQueryException.class)
    ResponseEntity<Map<String, String>> badRequest(AnalyticsQueryException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "invalid-parameter", "message", e.getMessage()));
    }
}
