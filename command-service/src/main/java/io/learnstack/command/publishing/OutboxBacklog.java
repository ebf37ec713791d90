package io.learnstack.command.publishing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the outbox publisher trails the event store. It compares positions, so it may count a few
 * that a rolled-back append left unused: an estimate that errs towards caution, read in two cheap
 * queries whatever the backlog.
 */
@Component
class OutboxBacklog {

    private final JdbcTemplate jdbc;
    private final PublicationTracker tracker;

    OutboxBacklog(JdbcTemplate jdbc, PublicationTracker tracker) {
        this.jdbc = jdbc;
        this.tracker = tracker;
    }

    Measurement measure() {
        Long newest = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long published = tracker.publisherPosition().map(PublicationTracker.Position::index).orElse(0L);
        return new Measurement(newest == null ? 0 : newest, published);
    }

    /**
     * @param newest    the global index of the newest stored event, 0 when there is none
     * @param published the publisher's position: every event up to it is on Kafka
     */
    record Measurement(long newest, long published) {

        long backlog() {
            return Math.max(0, newest - published);
        }
    }
}
