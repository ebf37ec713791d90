package io.learnstack.command.publishing;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.config.DomainEventTable;

/**
 * Tells a write request when its events have reached Kafka, so a read that starts after the write was
 * answered finds them on the bus. It reads the publisher's position from the event store's token table,
 * which works whichever command-service instance holds the publisher; the local publisher also wakes
 * waiters as soon as it commits, so they rarely wait for the next poll.
 */
@Component
public class PublicationTracker {

    private static final long POLL_MILLIS = 25;

    private final JdbcTemplate jdbc;
    private final DomainEventTable events;
    private final ObjectMapper json;
    private final Duration awaitTimeout;
    private final Object progress = new Object();

    PublicationTracker(JdbcTemplate jdbc, DomainEventTable events, ObjectMapper json, PublishingProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.awaitTimeout = properties.awaitTimeout();
    }

    /**
     * Waits, at most the configured await timeout, until every event of the given aggregates is published.
     *
     * @return whether they were all published in time
     */
    public boolean awaitPublished(Collection<String> aggregateIds) {
        Set<Long> positions = new HashSet<>(events.positionsOf(aggregateIds));
        long deadline = System.nanoTime() + awaitTimeout.toNanos();
        while (!isPublished(positions)) {
            long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMillis <= 0) {
                return false;
            }
            synchronized (progress) {
                try {
                    progress.wait(Math.min(remainingMillis, POLL_MILLIS));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    void publicationAdvanced() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private boolean isPublished(Set<Long> positions) {
        if (positions.isEmpty()) {
            return true;
        }
        return publisherPosition().map(position -> positions.stream().allMatch(position::covers)).orElse(false);
    }

    /** Where the publisher stands in the event store, from its token; empty before its first batch. */
    Optional<Position> publisherPosition() {
        List<byte[]> tokens = jdbc.queryForList("SELECT token FROM TokenEntry WHERE processorName = ?",
                byte[].class, KafkaOutboxPublisher.PROCESSING_GROUP);
        if (tokens.size() != 1 || tokens.get(0) == null) {
            return Optional.empty();
        }
        try {
            JsonNode token = json.readTree(tokens.get(0));
            if (!token.has("index")) {
                return Optional.empty();
            }
            Set<Long> gaps = new HashSet<>();
            token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            return Optional.of(new Position(token.get("index").asLong(), gaps));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Every event up to {@code index} is published, except those at the gaps (not yet committed then). */
    record Position(long index, Set<Long> gaps) {

        boolean covers(long position) {
            return position <= index && !gaps.contains(position);
        }
    }
}
