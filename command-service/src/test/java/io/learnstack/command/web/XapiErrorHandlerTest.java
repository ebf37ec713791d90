package io.learnstack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Failures nobody mapped: a write that lost every race to the same stream is worth retrying, not a 500. */
class XapiErrorHandlerTest {

    private final XapiErrorHandler handler = new XapiErrorHandler();

    @Test
    void anAppendThatLostEveryRaceIsA503ToRetry() {
        ResponseEntity<?> answer = handler.unexpected(new IllegalStateException("command failed",
                new ConcurrencyException("an event for aggregate [a] at sequence [3] was already inserted")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anythingElseUnexpectedIsA500() {
        assertThat(handler.unexpected(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
    }
}
