package io.learnstack.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class OutboxHealthIndicatorTest {

    @Test
    void aBacklogWithinTheBoundIsReady() {
        Health health = OutboxHealthIndicator.decide(new OutboxBacklog.Measurement(1_500, 500), 1_000);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backlog", 1_000L).containsEntry("publishedThrough", 500L);
    }

    @Test
    void aBacklogBeyondTheBoundIsNotReadyAndSaysWhy() {
        Health health = OutboxHealthIndicator.decide(new OutboxBacklog.Measurement(1_501, 500), 1_000);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("backlog", 1_001L);
        assertThat((String) health.getDetails().get("reason")).contains("1001 stored events are not on Kafka");
    }

    @Test
    void anEmptyEventStoreIsReady() {
        Health health = OutboxHealthIndicator.decide(new OutboxBacklog.Measurement(0, 0), 0);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backlog", 0L);
    }

    @Test
    void everyStoredEventCountsBeforeThePublisherFirstCommits() {
        Health health = OutboxHealthIndicator.decide(new OutboxBacklog.Measurement(3, 0), 2);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("backlog", 3L);
    }
}
