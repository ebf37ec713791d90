package io.learnstack.query.awards;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The credential resources' refusals, in the credential APIs' error shape. */
@RestControllerAdvice(assignableTypes = CredentialController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CredentialErrorHandler {

    @ExceptionHandler(MalformedCredentialException.class)
    ResponseEntity<Map<String, String>> malformed(MalformedCredentialException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "malformed-credential", "message", e.getMessage()));
    }
}
