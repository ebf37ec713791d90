package io.learnstack.query.awards;

import java.util.List;

/**
 * The outcome of verifying a credential.
 *
 * @param verified   whether every check passed
 * @param signature  {@code ok} or {@code failed}
 * @param expiry     {@code ok} or {@code expired}
 * @param revocation {@code ok} or {@code revoked}
 * @param awardId    the award the credential names, or {@code null}
 * @param issuer     the issuer the credential names, or {@code null}
 * @param validFrom  the credential's validFrom, or {@code null}
 * @param validUntil the credential's validUntil, or {@code null}
 * @param problems   what failed, in words
 */
record Verdict(boolean verified, String signature, String expiry, String revocation, String awardId, String issuer,
        String validFrom, String validUntil, List<String> problems) {
}
