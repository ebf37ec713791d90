package io.learnstack.query.awards;

import java.time.Instant;

/**
 * An awarded credential as the read model holds it.
 *
 * @param awardId          the award's id
 * @param tenant           the issuing tenant
 * @param learnerKey       the holder
 * @param credentialId     the credential in the catalogue
 * @param status           {@code issued}, {@code revoked} or {@code expired}, as recorded
 * @param validFrom        when it was issued
 * @param validUntil       when it expires, or {@code null}
 * @param signedCredential the VC-JWT as issued
 */
record Award(String awardId, String tenant, String learnerKey, String credentialId, String status, Instant validFrom,
        Instant validUntil, String signedCredential) {

    /** The status at {@code now}: an issued award past its validUntil is expired even before that is recorded. */
    String statusAt(Instant now) {
        if ("issued".equals(status) && validUntil != null && !now.isBefore(validUntil)) {
            return "expired";
        }
        return status;
    }
}
