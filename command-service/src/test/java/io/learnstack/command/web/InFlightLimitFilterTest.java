package io.learnstack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class InFlightLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InFlightLimitFilter filter = new InFlightLimitFilter(1, 3, meters);

    @Test
    void aWriteAboveTheLimitIsRefusedAtOnceWithRetryAfterAndCounted() throws Exception {
        // given one write being processed
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> run("POST",
                new MockFilterChain(new HeldWrite(inside, release))));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        // when another arrives
        MockHttpServletResponse second = run("PUT", new MockFilterChain());

        // then it is refused, and the first goes through once done
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getHeader("Retry-After")).isEqualTo("3");
        assertThat(second.getContentAsString()).contains("processing 1 writes already", "nothing was stored");
        assertThat(meters.counter("learnstack.intake.refused").count()).isEqualTo(1.0);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void theSlotIsFreedWhenAWriteEndsSoTheNextIsTaken() {
        assertThat(run("POST", new MockFilterChain()).getStatus()).isEqualTo(200);
        assertThat(run("POST", new MockFilterChain()).getStatus()).isEqualTo(200);
        assertThat(meters.counter("learnstack.intake.refused").count()).isZero();
    }

    @Test
    void readsAreNotLimitedWhileTheWritesAreFull() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> write = CompletableFuture.supplyAsync(() -> run("POST",
                new MockFilterChain(new HeldWrite(inside, release))));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(run("GET", new MockFilterChain()).getStatus()).isEqualTo(200);

        release.countDown();
        assertThat(write.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse run(String method, MockFilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/xapi/statements");
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    /** A servlet that holds its request until released, as a slow write does. */
    private static final class HeldWrite extends jakarta.servlet.http.HttpServlet {

        private final transient CountDownLatch inside;
        private final transient CountDownLatch release;

        HeldWrite(CountDownLatch inside, CountDownLatch release) {
            this.inside = inside;
            this.release = release;
        }

        @Override
        protected void service(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
