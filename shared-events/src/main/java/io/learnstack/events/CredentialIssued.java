package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A credential was issued to a learner as a signed Open Badges 3.0 OpenBadgeCredential.
 *
 * @param tenant             the tenant (RTO), the issuer
 * @param awardId            the award's id, also the last segment of the credential's public URL
 * @param learnerKey         the holder
 * @param credentialId       the credential in the catalogue
 * @param revision           the definition's revision it was issued under
 * @param approvedBy         the key that approved it, or {@code null} when issued automatically
 * @param eligibleAt         when the learner met the requirements (event time of the last evidence)
 * @param validFrom          when it was issued
 * @param validUntil         when it expires, or {@code null} when it does not
 * @param signedCredential   the credential exactly as signed and handed out (a VC-JWT or a JSON document with
 *                           its proof); verification works on these bytes
 * @since 0.3
 */
@Revision("1")
public record CredentialIssued(
        String tenant,
        String awardId,
        String learnerKey,
        String credentialId,
        int revision,
        String approvedBy,
        Instant eligibleAt,
        Instant validFrom,
        Instant validUntil,
        String signedCredential) implements AwardEvent {
}
