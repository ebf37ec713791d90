package io.learnstack.projector.progress;

import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Readiness of the projector ({@code /actuator/health/readiness}): UP while its listener consumes and the
 * read models trail the bus by at most {@code learnstack.projector.readiness.max-lag} records. A
 * projector that is joining the group, stopped for a rebuild, catching up after one, or cannot measure
 * its lag (broker or read-model server unreachable) is alive but not ready. The lag is the whole
 * group's, so every instance of a lagging group reports it.
 */
@Component
class ProjectionHealthIndicator implements HealthIndicator {

    /** The listener container the projector consumes through. */
    static final String LISTENER_ID = "learnstack-projector";

    private final KafkaListenerEndpointRegistry listeners;
    private final ListenerAssignments assignments;
    private final ProjectionLag lag;
    private final long maxLag;

    ProjectionHealthIndicator(KafkaListenerEndpointRegistry listeners, ListenerAssignments assignments,
            ProjectionLag lag, @Value("${learnstack.projector.readiness.max-lag:10000}") long maxLag) {
        this.listeners = listeners;
        this.assignments = assignments;
        this.lag = lag;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        return decide(container != null && container.isRunning(), assignments.assigned(),
                lag.behindByPartition(), maxLag);
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
}
