package io.learnstack.command.awards;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.learnstack.command.catalogue.Catalogue;
import io.learnstack.command.config.AppendRetry;
import io.learnstack.command.publishing.PublicationTracker;
import io.learnstack.events.CredentialDefinition;

/**
 * Takes award requests in: looks the credential up, makes sure the tenant's public key is published
 * before any credential it signs, sends the command, and answers once the events are on the bus.
 */
@Service
class AwardIntake {

    private static final Logger log = LoggerFactory.getLogger(AwardIntake.class);
    private static final int ATTEMPTS = 3;

    private final Catalogue catalogue;
    private final CommandGateway commands;
    private final PublicationTracker publication;
    private final IssuerKeys keys;
    /** Keys this instance saw published; publishing again is harmless, only wasted work. */
    private final Set<String> published = ConcurrentHashMap.newKeySet();

    AwardIntake(Catalogue catalogue, CommandGateway commands, PublicationTracker publication, IssuerKeys keys) {
        this.catalogue = catalogue;
        this.commands = commands;
        this.publication = publication;
        this.keys = keys;
    }

    /**
     * Issues a credential, or finds it issued.
     *
     * @param eligibleAt when the learner became eligible, or {@code null} for a manual issuance
     * @param approvedBy the approving key, or {@code null} for an automatic issuance
     * @throws AwardNotFoundException when the tenant's catalogue has no such current credential
     */
    Issuance issue(String tenant, String credentialId, String learnerKey, Instant eligibleAt, String approvedBy) {
        CredentialDefinition definition = catalogue.current(tenant, credentialId).orElseThrow(
                () -> new AwardNotFoundException("the catalogue has no credential '" + credentialId + "'"));
        String awardId = AwardIds.awardId(tenant, learnerKey, credentialId, eligibleAt);
        String issuer = publishKey(tenant);
        // whole seconds: the credential states its dates to the second, as read models and pages show them
        Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        Issuance issuance = AppendRetry.retryingLostRaces(ATTEMPTS, () -> commands.sendAndWait(new IssueCredential(
                AwardIds.aggregateId(awardId), awardId, tenant, learnerKey, definition, approvedBy,
                eligibleAt == null ? requested : eligibleAt, requested)));
        long appended = System.nanoTime();
        awaitPublished(List.of(issuer, AwardIds.aggregateId(awardId)));
        log.debug("award {} appended in {} ms, on the bus {} ms later", awardId, (appended - started) / 1_000_000,
                (System.nanoTime() - appended) / 1_000_000);
        return issuance;
    }

    /** @throws AwardNotFoundException when the tenant issued no such award */
    void revoke(String tenant, String awardId, String reason, String revokedBy) {
        String aggregateId = AwardIds.aggregateId(awardId);
        try {
            AppendRetry.retryingLostRaces(ATTEMPTS, () -> commands.sendAndWait(
                    new RevokeCredential(aggregateId, tenant, reason, revokedBy, Instant.now())));
        } catch (AggregateNotFoundException unknown) {
            throw new AwardNotFoundException("no award " + awardId);
        }
        awaitPublished(List.of(aggregateId));
    }

    private String publishKey(String tenant) {
        IssuerKey key = keys.current(tenant);
        String aggregateId = AwardIds.issuerAggregateId(tenant);
        if (!published.contains(key.keyId())) {
            AppendRetry.retryingLostRaces(ATTEMPTS, () -> commands.sendAndWait(
                    new PublishIssuerKey(aggregateId, tenant, key.keyId(), key.publicJwk(), Instant.now())));
            published.add(key.keyId());
        }
        return aggregateId;
    }

    private void awaitPublished(List<String> aggregateIds) {
        if (!publication.awaitPublished(aggregateIds)) {
            log.warn("answering an award request before it reached Kafka; it is stored and will follow");
        }
    }
}
