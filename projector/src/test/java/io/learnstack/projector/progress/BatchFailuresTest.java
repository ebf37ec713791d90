package io.learnstack.projector.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BatchFailuresTest {

    private static final Duration MAX_FAILING = Duration.ofSeconds(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BatchFailures failures = new BatchFailures(meters, now::get);

    @Test
    void failuresAreTimedFromTheFirstOfARunAndClearedByAnAppliedBatch() {
        failures.failed(new IllegalStateException("read-model server unreachable"));
        advance(Duration.ofSeconds(12));
        failures.failed(new IllegalStateException("still unreachable"));

        assertThat(failures.failingFor()).contains(Duration.ofSeconds(12));
        assertThat(failures.lastFailure()).contains("IllegalStateException: still unreachable");
        assertThat(meters.get("learnstack.projection.failing.seconds").gauge().value()).isEqualTo(12.0);

        failures.applied();

        assertThat(failures.failingFor()).isEmpty();
        assertThat(meters.get("learnstack.projection.failing.seconds").gauge().value()).isZero();
    }

    @Test
    void aProjectorFailingLongerThanTheBoundIsNotReadyEvenWithLittleLag() {
        failures.failed(new IllegalStateException("timed out"));
        advance(MAX_FAILING.plusSeconds(1));

        Health health = ProjectionHealthIndicator.failing(readyWithLag(3), failures.failingFor(),
                failures.lastFailure(), MAX_FAILING);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("failingForSeconds", 31L).containsEntry("lag", 3L);
        assertThat((String) health.getDetails().get("reason")).contains("kept failing for 31 s");
    }

    @Test
    void aShortRunOfFailuresShowsButKeepsTheProjectorReady() {
        failures.failed(new IllegalStateException("timed out"));
        advance(MAX_FAILING.minusSeconds(1));

        Health health = ProjectionHealthIndicator.failing(readyWithLag(3), failures.failingFor(),
                failures.lastFailure(), MAX_FAILING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("failingForSeconds", 29L);
    }

    @Test
    void aProjectorThatAppliesIsJudgedOnItsLagAlone() {
        Health health = ProjectionHealthIndicator.failing(readyWithLag(3), failures.failingFor(),
                failures.lastFailure(), MAX_FAILING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKey("failingForSeconds");
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    private static Health readyWithLag(long lag) {
        return ProjectionHealthIndicator.decide(true, true, Optional.of(Map.of(0, lag)), 100);
    }
}
