package io.learnstack.command.awards;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The award resources' refusals, in the credential APIs' error shape. */
@RestControllerAdvice(assignableTypes = {AwardController.class, InternalAwardController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AwardErrorHandler {

    @ExceptionHandler(InvalidAwardRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(InvalidAwardRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "bad-request", "message", e.getMessage()));
    }

    @ExceptionHandler(AwardNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(AwardNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not-found", "message", e.getMessage()));
    }
}
