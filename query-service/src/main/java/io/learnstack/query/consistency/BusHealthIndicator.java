package io.learnstack.query.consistency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the read barrier's view of the bus ({@code /actuator/health/readiness}): the Kafka
 * cluster answers its admin client within {@code learnstack.consistency.health-timeout}. Without it
 * reads are still answered, but after the barrier's timeout and without the promise that they see
 * every write answered before them.
 */
@Component
class BusHealthIndicator implements HealthIndicator {

    private final Admin kafka;
    private final Duration timeout;

    BusHealthIndicator(Admin kafka, @Value("${learnstack.consistency.health-timeout:2s}") Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = kafka.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        } catch (Exception unreachable) {
            return Health.down().withDetail("reason", "the Kafka cluster did not answer within " + timeout
                    + ": reads wait out the consistency timeout and may miss the latest writes")
                    .withDetail("error", unreachable.toString()).build();
        }
    }
}
