package io.learnstack.command.awards;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.learnstack.command.config.AppendRetry;

/**
 * Expires awards when their deadline passes. Every instance polls; two instances expiring the same award
 * race on the award's event stream, and the loser finds it expired and does nothing.
 */
@Component
class ExpiryPoller {

    private static final Logger log = LoggerFactory.getLogger(ExpiryPoller.class);
    private static final int BATCH = 100;

    private final AwardDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock = Clock.systemUTC();

    ExpiryPoller(AwardDeadlines deadlines, CommandGateway commands) {
        this.deadlines = deadlines;
        this.commands = commands;
    }

    @Scheduled(fixedDelayString = "${learnstack.awards.expiry-poll-interval:30s}",
            initialDelayString = "${learnstack.awards.expiry-poll-interval:30s}")
    void expireDue() {
        try {
            for (String awardId : deadlines.due(clock.instant(), BATCH)) {
                expire(awardId);
            }
        } catch (RuntimeException unavailable) {
            log.warn("could not read the award deadlines; next poll tries again: {}", unavailable.toString());
        }
    }

    private void expire(String awardId) {
        try {
            Boolean recorded = AppendRetry.retryingLostRaces(3, () -> commands.sendAndWait(
                    new ExpireCredential(AwardIds.aggregateId(awardId), clock.instant())));
            if (!Boolean.TRUE.equals(recorded)) {
                // expired or revoked already, by another instance or before the deadline row was read
                deadlines.remove(awardId);
            }
        } catch (AggregateNotFoundException unknown) {
            deadlines.remove(awardId);
        } catch (ExpiryNotDueException notDue) {
            log.warn("deadline of award {} is not due for the award itself: {}", awardId, notDue.getMessage());
        } catch (RuntimeException failure) {
            log.warn("could not expire award {}; next poll tries again: {}", awardId, failure.toString());
        }
    }
}
