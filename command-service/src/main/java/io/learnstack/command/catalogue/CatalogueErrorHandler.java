package io.learnstack.command.catalogue;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The catalogue's refusals, each with a short code and a readable message. It applies to the catalogue
 * controller only, ahead of the xAPI handler, which answers everything else (and any unexpected failure).
 */
@RestControllerAdvice(assignableTypes = CatalogueController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueErrorHandler {

    @ExceptionHandler(CatalogueRefusedException.class)
    ResponseEntity<Map<String, String>> refused(CatalogueRefusedException e) {
        return switch (e.reason()) {
            case INVALID -> error(HttpStatus.BAD_REQUEST, "invalid-definition", e.getMessage());
            case UNKNOWN -> error(HttpStatus.NOT_FOUND, "unknown-credential", e.getMessage());
            case EXISTS -> error(HttpStatus.CONFLICT, "credential-exists", e.getMessage());
            case RETIRED -> error(HttpStatus.CONFLICT, "credential-retired", e.getMessage());
        };
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid-definition", "the body must be a credential definition, "
                + "a JSON object");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
