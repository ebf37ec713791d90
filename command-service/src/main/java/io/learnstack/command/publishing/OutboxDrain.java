package io.learnstack.command.publishing;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, gives the outbox publisher time to send what is stored before Axon stops it. It stops
 * after the web server (whose in-flight writes wait for their events to reach Kafka) and before Axon,
 * so no write answered during the shutdown is left unpublished for long. Nothing is lost without it:
 * the next instance publishes from the token; this only shortens the time reads do not see a write.
 */
@Component
class OutboxDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);
    private static final long POLL_MILLIS = 50;

    private final EventProcessingConfiguration processing;
    private final OutboxBacklog outbox;
    private final Duration timeout;
    private volatile boolean running;

    OutboxDrain(EventProcessingConfiguration processing, OutboxBacklog outbox,
            @Value("${learnstack.publishing.drain-timeout:10s}") Duration timeout) {
        this.processing = processing;
        this.outbox = outbox;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!publishesHere()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long backlog = backlog();
        while (backlog > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            backlog = backlog();
        }
        if (backlog > 0) {
            log.warn("stopping with {} stored events not on Kafka yet; they are sent when a command service "
                    + "runs again", backlog);
        } else {
            log.info("outbox drained: every stored event is on Kafka");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just above Axon's phase: stopped after the web server, before the event processors. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
    }

    /** Whether this instance's publisher holds the segment: only then can waiting here help. */
    private boolean publishesHere() {
        return processing.eventProcessor(KafkaOutboxPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.isRunning() && !processor.processingStatus().isEmpty())
                .orElse(false);
    }

    private long backlog() {
        try {
            return outbox.measure().backlog();
        } catch (RuntimeException unavailable) {
            log.warn("cannot tell what is left to publish: {}", unavailable.toString());
            return 0;
        }
    }
}
