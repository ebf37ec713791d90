package io.learnstack.command.awards;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.ZoneOffset;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;

/**
 * One award: one learner's one issuance of one credential. It is issued once whatever the number of
 * requests, then may be revoked by its issuer and expires at its {@code validUntil}; revoking or expiring
 * it twice records nothing more.
 */
@Aggregate
class AwardAggregate {

    @AggregateIdentifier
    private String id;
    private String awardId;
    private String tenant;
    private String learnerKey;
    private String credentialId;
    private Instant validUntil;
    private boolean revoked;
    private boolean expired;

    AwardAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Issuance handle(IssueCredential command, CredentialSigner signer) {
        if (id != null) {
            return new Issuance(awardId, false);
        }
        CredentialDefinition definition = command.definition();
        Instant validFrom = command.requested();
        // a period in years or months needs a calendar: validity is counted in UTC
        Instant until = definition.validity() == null ? null
                : validFrom.atZone(ZoneOffset.UTC).plus(definition.validity()).toInstant();
        String signed = signer.sign(command.awardId(), command.tenant(), command.learnerKey(), definition, validFrom,
                until);
        apply(new CredentialIssued(command.tenant(), command.awardId(), command.learnerKey(),
                definition.credentialId(), definition.revision(), command.approvedBy(), command.eligibleAt(),
                validFrom, until, signed));
        return new Issuance(command.awardId(), true);
    }

    @CommandHandler
    void handle(RevokeCredential command) {
        if (!tenant.equals(command.tenant())) {
            // another tenant's award is as good as unknown to the asker
            throw new AwardNotFoundException("no award " + command.aggregateId().substring("award:".length()));
        }
        if (!revoked) {
            apply(new CredentialRevoked(tenant, awardId, learnerKey, credentialId, command.reason(),
                    command.revokedBy(), command.revoked()));
        }
    }

    /** @return whether this command recorded the expiry */
    @CommandHandler
    boolean handle(ExpireCredential command) {
        if (expired || revoked) {
            return false;
        }
        if (validUntil == null) {
            throw new ExpiryNotDueException("award " + awardId + " never expires");
        }
        if (command.now().isBefore(validUntil)) {
            throw new ExpiryNotDueException("award " + awardId + " is valid until " + validUntil);
        }
        apply(new CredentialExpired(tenant, awardId, learnerKey, credentialId, validUntil));
        return true;
    }

    @EventSourcingHandler
    void on(CredentialIssued event) {
        id = AwardIds.aggregateId(event.awardId());
        awardId = event.awardId();
        tenant = event.tenant();
        learnerKey = event.learnerKey();
        credentialId = event.credentialId();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(CredentialRevoked event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(CredentialExpired event) {
        expired = true;
    }
}
