package io.learnstack.query.consistency;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import jakarta.annotation.PreDestroy;

/**
 * Readiness of the read models ({@code /actuator/health/readiness}): a ping of the read-model server,
 * answered within {@code learnstack.consistency.health-timeout}. Every read, and the read barrier's
 * progress check, goes there, so without it the service can answer nothing.
 */
@Component
class ReadModelHealthIndicator implements HealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoDatabase readModels;
    private final Duration timeout;
    // The driver waits for a server up to its selection timeout (30 s by default); a probe must not.
    private final ExecutorService pings = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-ping");
        thread.setDaemon(true);
        return thread;
    });

    ReadModelHealthIndicator(MongoDatabase readModels,
            @Value("${learnstack.consistency.health-timeout:2s}") Duration timeout) {
        this.readModels = readModels;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        long started = System.nanoTime();
        CompletableFuture<Document> ping = CompletableFuture.supplyAsync(() -> readModels.runCommand(PING), pings);
        try {
            ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("database", readModels.getName())
                    .withDetail("pingMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).build();
        } catch (TimeoutException slow) {
            ping.cancel(true);
            return Health.down().withDetail("database", readModels.getName())
                    .withDetail("reason", "the read-model server did not answer a ping within " + timeout).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        } catch (ExecutionException failed) {
            return Health.down().withDetail("database", readModels.getName())
                    .withDetail("error", failed.getCause().toString()).build();
        }
    }

    @PreDestroy
    void close() {
        pings.shutdownNow();
    }
}
