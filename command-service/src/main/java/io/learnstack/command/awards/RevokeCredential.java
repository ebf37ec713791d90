package io.learnstack.command.awards;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revoke an award; revoking it again changes nothing.
 *
 * @param aggregateId the award's identity in the event store
 * @param tenant      the tenant asking: only the issuer may revoke
 * @param reason      why
 * @param revokedBy   the key asking
 * @param revoked     when
 */
record RevokeCredential(@TargetAggregateIdentifier String aggregateId, String tenant, String reason, String revokedBy,
        Instant revoked) {
}
