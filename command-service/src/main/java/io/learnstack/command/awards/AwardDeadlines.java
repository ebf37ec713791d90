package io.learnstack.command.awards;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;

/**
 * The awards still to expire, with their due times, in the event store's database. A subscribing
 * processor keeps the table in the same transaction as the events, so an issued expiring award always
 * has its deadline and a revoked or expired one has none left.
 */
@Component
@ProcessingGroup(AwardDeadlines.PROCESSING_GROUP)
class AwardDeadlines {

    static final String PROCESSING_GROUP = "award-deadlines";

    private final JdbcTemplate jdbc;

    AwardDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CredentialIssued event) {
        if (event.validUntil() != null) {
            jdbc.update("INSERT INTO AwardDeadline (awardId, due) VALUES (?, ?)", event.awardId(),
                    event.validUntil().toEpochMilli());
        }
    }

    @EventHandler
    void on(CredentialRevoked event) {
        remove(event.awardId());
    }

    @EventHandler
    void on(CredentialExpired event) {
        remove(event.awardId());
    }

    /** At most {@code limit} awards due at {@code now}, earliest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT awardId FROM AwardDeadline WHERE due <= ? ORDER BY due LIMIT " + limit,
                String.class, now.toEpochMilli());
    }

    void remove(String awardId) {
        jdbc.update("DELETE FROM AwardDeadline WHERE awardId = ?", awardId);
    }
}
