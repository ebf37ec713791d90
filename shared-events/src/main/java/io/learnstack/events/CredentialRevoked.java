package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The issuer revoked an awarded credential; verification fails from now on.
 *
 * @param tenant       the tenant (RTO)
 * @param awardId      the award
 * @param learnerKey   the holder
 * @param credentialId the credential in the catalogue
 * @param reason       why, as the RTO gave it
 * @param revokedBy    the key that revoked it
 * @param revoked      when
 * @since 0.3
 */
@Revision("1")
public record CredentialRevoked(
        String tenant,
        String awardId,
        String learnerKey,
        String credentialId,
        String reason,
        String revokedBy,
        Instant revoked) implements AwardEvent {
}
