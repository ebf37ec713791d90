package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An awarded credential reached its {@code validUntil}. Recorded by a scheduled deadline, so that read
 * models change state on an event and a rebuild gives the same answer as the live run.
 *
 * @param tenant       the tenant (RTO)
 * @param awardId      the award
 * @param learnerKey   the holder
 * @param credentialId the credential in the catalogue
 * @param expired      the award's {@code validUntil}
 * @since 0.3
 */
@Revision("1")
public record CredentialExpired(
        String tenant,
        String awardId,
        String learnerKey,
        String credentialId,
        Instant expired) implements AwardEvent {
}
