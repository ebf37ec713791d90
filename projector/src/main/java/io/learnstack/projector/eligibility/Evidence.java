package io.learnstack.projector.eligibility;

import java.time.Instant;
import java.util.List;

/**
 * What one learner has done that requirements can count: completions, assessments and awards, all with
 * their event times. Voided statements are already left out.
 *
 * @param completions the learner's completions
 * @param passes      the learner's assessment results, passed or not
 * @param awards      the learner's awards, valid or not
 */
record Evidence(List<Completion> completions, List<Pass> passes, List<Award> awards) {

    Evidence {
        completions = List.copyOf(completions);
        passes = List.copyOf(passes);
        awards = List.copyOf(awards);
    }

    /** A completed activity. */
    record Completion(String statementId, String activityId, Instant at) {
    }

    /** A marked assessment; {@code success} and {@code scaled} as the statement gave them. */
    record Pass(String statementId, String activityId, Double scaled, Boolean success, Instant at) {
    }

    /**
     * An award of a credential. Its fields arrive with different events: an award whose issuance is not
     * known yet has no {@code validFrom}.
     */
    record Award(String awardId, String credentialId, Instant eligibleAt, Instant validFrom, Instant validUntil,
            Instant revoked, Instant expired) {

        /** Issued, and neither revoked nor expired: expiry is known only from its event, never the clock. */
        boolean valid() {
            return validFrom != null && revoked == null && expired == null;
        }
    }
}
