package io.learnstack.command.awards;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Award ids are derived from what earned the award, so that a retried request, a redelivered
 * eligibility or a rebuilt projection asking again names the same award and never issues a second one.
 */
final class AwardIds {

    private AwardIds() {
    }

    /**
     * @param eligibleAt when the learner became eligible, or {@code null} for a manual issuance without one
     * @return a name-based UUID of tenant, learner, credential and eligibility time
     */
    static String awardId(String tenant, String learnerKey, String credentialId, Instant eligibleAt) {
        String name = tenant + "|" + learnerKey + "|" + credentialId + "|"
                + (eligibleAt == null ? "manual" : eligibleAt.toString());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String aggregateId(String awardId) {
        return "award:" + awardId;
    }

    static String issuerAggregateId(String tenant) {
        return "issuer:" + tenant;
    }
}
