package io.learnstack.projector.progress;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Readiness of the projector ({@code /actuator/health/readiness}): UP while its listener consumes and the
 * read models trail the bus by at most {@code learnstack.projector.readiness.max-lag} records. A
 * projector that is joining the group, stopped for a rebuild, catching up after one, or cannot measure
 * its lag (broker or read-model server unreachable) is alive but not ready; so is one whose batches have
 * kept failing for longer than {@code learnstack.projector.readiness.max-failing}, however small its lag,
 * since it is not catching up. The lag is the whole group's, so every instance of a lagging group
 * reports it.
 */
@Component
class ProjectionHealthIndicator implements HealthIndicator {

    /** The listener container the projector consumes through. */
    static final String LISTENER_ID = "learnstack-projector";

    private final KafkaListenerEndpointRegistry listeners;
    private final ListenerAssignments assignments;
    private final ProjectionLag lag;
    private final BatchFailures failures;
    private final long maxLag;
    private final Duration maxFailing;

    ProjectionHealthIndicator(KafkaListenerEndpointRegistry listeners, ListenerAssignments assignments,
            ProjectionLag lag, BatchFailures failures,
            @Value("${learnstack.projector.readiness.max-lag:10000}") long maxLag,
            @Value("${learnstack.projector.readiness.max-failing:30s}") Duration maxFailing) {
        this.listeners = listeners;
        this.assignments = assignments;
        this.lag = lag;
        this.failures = failures;
        this.maxLag = maxLag;
        this.maxFailing = maxFailing;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        Health health = decide(container != null && container.isRunning(), assignments.assigned(),
                lag.behindByPartition(), maxLag);
        return failing(health, failures.failingFor(), failures.lastFailure(), maxFailing);
    }

    /** The decision, apart from where its inputs come from. */
    static Health decide(boolean listening, boolean assigned, Optional<Map<Integer, Long>> behindByPartition,
            long maxLag) {
        Health.Builder health = Health.up().withDetail("maxLag", maxLag);
        behindByPartition.ifPresent(behind -> health
                .withDetail("lag", behind.values().stream().mapToLong(Long::longValue).sum())
                .withDetail("lagByPartition", behind));
        if (!listening) {
            return health.down().withDetail("reason", "the listener is stopped (starting, rebuilding or stopping)")
                    .build();
        }
        if (!assigned) {
            return health.down().withDetail("reason", "the listener has not been assigned partitions yet").build();
        }
        if (behindByPartition.isEmpty()) {
            return health.down().withDetail("reason", "lag unknown: the broker or the read-model server does not answer")
                    .build();
        }
        long total = behindByPartition.get().values().stream().mapToLong(Long::longValue).sum();
        if (total > maxLag) {
            return health.down().withDetail("reason", "the read models trail the bus by " + total + " records")
                    .build();
        }
        return health.build();
    }

    /** A ready projector whose batches have kept failing beyond the bound is not ready after all. */
    static Health failing(Health health, Optional<Duration> failingFor, Optional<String> lastFailure,
            Duration maxFailing) {
        if (failingFor.isEmpty()) {
            return health;
        }
        Health.Builder builder = Health.status(health.getStatus()).withDetails(health.getDetails())
                .withDetail("failingForSeconds", failingFor.get().toSeconds());
        lastFailure.ifPresent(failure -> builder.withDetail("lastFailure", failure));
        if (failingFor.get().compareTo(maxFailing) > 0 && Status.UP.equals(health.getStatus())) {
            builder.down().withDetail("reason", "batches have kept failing for " + failingFor.get().toSeconds()
                    + " s; the projector is retrying, not catching up");
        }
        return builder.build();
    }
}
