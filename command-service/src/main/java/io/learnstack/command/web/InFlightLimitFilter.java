package io.learnstack.command.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Bounds the writes being processed at once. A write holds request threads, database connections and
 * its body in memory until its events are on Kafka; under overload, queueing more of them only moves
 * the failure to an out-of-memory or to every client timing out. Above
 * {@code learnstack.intake.max-in-flight} a write is refused at once with {@code 429} and
 * {@code Retry-After}, before authentication or reading the body, and counted in
 * {@code learnstack.intake.refused}. Reads and the actuator are never limited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class InFlightLimitFilter extends OncePerRequestFilter {

    private static final Set<String> UNLIMITED_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Semaphore slots;
    private final int maxInFlight;
    private final String retryAfterSeconds;
    private final Counter refused;

    // Slice tests start the web layer without metrics: the refusals are counted all the same.
    @Autowired
    InFlightLimitFilter(@Value("${learnstack.intake.max-in-flight:64}") int maxInFlight,
            @Value("${learnstack.intake.retry-after-seconds:1}") int retryAfterSeconds,
            ObjectProvider<MeterRegistry> meters) {
        this(maxInFlight, retryAfterSeconds, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    InFlightLimitFilter(int maxInFlight, int retryAfterSeconds, MeterRegistry meters) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("learnstack.intake.max-in-flight must be at least 1, not " + maxInFlight);
        }
        this.slots = new Semaphore(maxInFlight);
        this.maxInFlight = maxInFlight;
        this.retryAfterSeconds = Integer.toString(Math.max(1, retryAfterSeconds));
        this.refused = Counter.builder("learnstack.intake.refused")
                .description("Writes refused with 429 because learnstack.intake.max-in-flight were being processed")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return UNLIMITED_METHODS.contains(request.getMethod())
                || request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!slots.tryAcquire()) {
            refused.increment();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"Too Many Requests\",\"message\":\"the LRS is processing " + maxInFlight
                    + " writes already; nothing was stored, try again after " + retryAfterSeconds + " s\"}");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }
}
