package io.learnstack.projector.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ProjectionHealthIndicatorTest {

    private static final long MAX_LAG = 100;

    @Test
    void aListeningProjectorWithinTheBoundIsReadyAndShowsItsLag() {
        Health health = ProjectionHealthIndicator.decide(true, true, Optional.of(Map.of(0, 60L, 1, 40L)), MAX_LAG);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("lag", 100L).containsEntry("lagByPartition", Map.of(0, 60L, 1, 40L));
    }

    @Test
    void aProjectorTrailingBeyondTheBoundIsNotReady() {
        Health health = ProjectionHealthIndicator.decide(true, true, Optional.of(Map.of(0, 60L, 1, 41L)), MAX_LAG);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("lag", 101L);
        assertThat((String) health.getDetails().get("reason")).contains("101 records");
    }

    @Test
    void aStoppedListenerIsNotReadyWhateverTheLag() {
        Health health = ProjectionHealthIndicator.decide(false, true, Optional.of(Map.of(0, 0L)), MAX_LAG);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).contains("stopped");
    }

    @Test
    void aListenerWithoutPartitionsYetIsNotReady() {
        Health health = ProjectionHealthIndicator.decide(true, false, Optional.of(Map.of(0, 0L)), MAX_LAG);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).contains("assigned");
    }

    @Test
    void anUnknownLagIsNotReady() {
        Health health = ProjectionHealthIndicator.decide(true, true, Optional.empty(), MAX_LAG);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).doesNotContainKey("lag");
        assertThat((String) health.getDetails().get("reason")).contains("unknown");
    }
}
