package io.learnstack.command.publishing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the command service's outbox ({@code /actuator/health/readiness}): DOWN while more than
 * {@code learnstack.publishing.readiness.max-backlog} stored events wait to reach Kafka. Writes are still
 * taken then (the event store is the outbox) but each waits out the publication timeout before it is
 * answered, and reads do not see it yet, so the service should take no new traffic. Not part of
 * liveness: restarting the service does not bring Kafka back.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxBacklog outbox;
    private final long maxBacklog;

    OutboxHealthIndicator(OutboxBacklog outbox,
            @Value("${learnstack.publishing.readiness.max-backlog:20000}") long maxBacklog) {
        this.outbox = outbox;
        this.maxBacklog = maxBacklog;
    }

    @Override
    public Health health() {
        return decide(outbox.measure(), maxBacklog);
    }

    /** The decision, apart from where its inputs come from. */
    static Health decide(OutboxBacklog.Measurement measured, long maxBacklog) {
        long backlog = measured.backlog();
        Health.Builder health = Health.up().withDetail("backlog", backlog).withDetail("maxBacklog", maxBacklog)
                .withDetail("newestEvent", measured.newest()).withDetail("publishedThrough", measured.published());
        if (backlog > maxBacklog) {
            return health.down().withDetail("reason", backlog + " stored events are not on Kafka yet: "
                    + "is the broker reachable? (they are sent as soon as it is)").build();
        }
        return health.build();
    }
}
