package io.learnstack.gateway.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/** An instance lost mid-request is the backend's failure (502), anything else stays what it was. */
class LostInstanceFilterTest {

    private final LostInstanceFilter filter = new LostInstanceFilter();
    private final MockServerWebExchange exchange =
            MockServerWebExchange.from(MockServerHttpRequest.post("/xapi/statements"));

    @Test
    void aConnectionResetBeforeTheAnswerIsABadGateway() {
        assertThatThrownBy(() -> filter.filter(exchange, ignored -> Mono.error(
                        new IllegalStateException("routing failed", new IOException("Connection reset by peer")))).block())
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        failure -> assertThat(failure.getStatusCode().value()).isEqualTo(502));
        assertThat(LostInstanceFilter.lostInstance(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void otherFailuresPassUnchanged() {
        IllegalArgumentException bug = new IllegalArgumentException("a bug");

        assertThatThrownBy(() -> filter.filter(exchange, ignored -> Mono.error(bug)).block()).isSameAs(bug);
    }
}
