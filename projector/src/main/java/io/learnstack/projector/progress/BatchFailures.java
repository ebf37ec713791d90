package io.learnstack.projector.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How long applying batches has kept failing. The error handler retries a failed batch for as long as it
 * takes, which is right for a read-model server that restarts, but a projector stuck that way while the
 * bus holds only a little work would otherwise look healthy: readiness reads this, and so do operators,
 * through a warning when the failures start, one every {@link #REMINDER} while they last, and one when
 * batches apply again.
 */
@Component
public class BatchFailures {

    static final Duration REMINDER = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(BatchFailures.class);

    private final InstantSource clock;
    private Instant failingSince;
    private Instant lastWarned;
    private long failures;
    private String lastFailure;

    @Autowired
    public BatchFailures(MeterRegistry meters) {
        this(meters, InstantSource.system());
    }

    BatchFailures(MeterRegistry meters, InstantSource clock) {
        this.clock = clock;
        Gauge.builder("learnstack.projection.failing.seconds", this, failures -> failures.failingFor()
                .map(duration -> duration.toMillis() / 1000.0).orElse(0.0))
                .description("How long applying batches has kept failing; 0 while they apply")
                .register(meters);
    }

    /** A batch could not be applied and will be tried again. */
    public synchronized void failed(Exception failure) {
        Instant now = clock.instant();
        failures++;
        lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failingSince == null) {
            failingSince = now;
            lastWarned = now;
            log.warn("applying a batch failed; it will be retried until it applies: {}", lastFailure);
        } else if (Duration.between(lastWarned, now).compareTo(REMINDER) >= 0) {
            lastWarned = now;
            log.warn("applying a batch has failed {} times over {} s; still retrying: {}", failures,
                    Duration.between(failingSince, now).toSeconds(), lastFailure);
        }
    }

    /** A batch was applied. */
    public synchronized void applied() {
        if (failingSince != null) {
            log.info("batches apply again after {} failed attempts over {} s", failures,
                    Duration.between(failingSince, clock.instant()).toSeconds());
            failingSince = null;
            failures = 0;
            lastFailure = null;
        }
    }

    /** How long batches have kept failing, if they are failing now. */
    synchronized Optional<Duration> failingFor() {
        return Optional.ofNullable(failingSince).map(since -> Duration.between(since, clock.instant()));
    }

    synchronized Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
