package io.learnstack.projector.eligibility;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One learner's standing with one credential.
 *
 * @param credentialId the credential
 * @param status       the stored status
 * @param met          the requirement leaves the learner has evidence for
 * @param missing      the fewest leaves still needed; empty once eligible
 * @param eligibleAt   when the learner became eligible (event time), for the award held or the one due
 * @param awardId      the latest award, or {@code null}
 * @param validUntil   when the latest award expires, or {@code null}
 * @param awards       every award of the credential the learner had, for counts by period
 */
record CredentialStatus(String credentialId, Status status, List<Leaf> met, List<Leaf> missing, Instant eligibleAt,
        String awardId, Instant validUntil, List<Evidence.Award> awards) {

    /**
     * Decides a learner's status with a credential from state alone: the same evidence and catalogue give
     * the same status whatever order their events came in.
     * <p>
     * A valid award makes it {@code issued}. Otherwise the requirement is evaluated; after an award that
     * expired or was revoked only evidence dated after that award's {@code validFrom} counts, so the
     * evidence that earned it cannot earn it again. A retired credential is earned by no one.
     *
     * @return the status, or empty for a retired credential the learner never held
     */
    static Optional<CredentialStatus> decide(CatalogueEntry entry, Evidence evidence) {
        String credentialId = entry.credentialId();
        List<Evidence.Award> awards = evidence.awards().stream()
                .filter(award -> award.credentialId().equals(credentialId) && award.validFrom() != null)
                .sorted(Comparator.comparing(Evidence.Award::validFrom).thenComparing(Evidence.Award::awardId))
                .toList();
        Evidence.Award latest = awards.isEmpty() ? null : awards.get(awards.size() - 1);
        Optional<Evidence.Award> held = awards.stream().filter(Evidence.Award::valid).reduce((first, second) -> second);
        if (held.isPresent()) {
            Evidence.Award award = held.get();
            return Optional.of(new CredentialStatus(credentialId, Status.ISSUED, List.of(), List.of(),
                    award.eligibleAt(), award.awardId(), award.validUntil(), awards));
        }
        if (entry.retired()) {
            return latest == null ? Optional.empty() : Optional.of(ended(credentialId, latest, List.of(), List.of(), awards));
        }
        Instant after = latest == null ? null : latest.validFrom();
        RequirementEvaluator.Evaluation evaluation =
                RequirementEvaluator.evaluate(entry.definition().requirement(), evidence, after);
        if (evaluation.isMet()) {
            return Optional.of(new CredentialStatus(credentialId, Status.ELIGIBLE, evaluation.met(), List.of(),
                    evaluation.eligibleAt(), latest == null ? null : latest.awardId(),
                    latest == null ? null : latest.validUntil(), awards));
        }
        if (latest != null) {
            return Optional.of(ended(credentialId, latest, evaluation.met(), evaluation.missing(), awards));
        }
        Status status = evaluation.met().isEmpty() ? Status.NOT_STARTED : Status.IN_PROGRESS;
        return Optional.of(new CredentialStatus(credentialId, status, evaluation.met(), evaluation.missing(), null,
                null, null, awards));
    }

    private static CredentialStatus ended(String credentialId, Evidence.Award latest, List<Leaf> met,
            List<Leaf> missing, List<Evidence.Award> awards) {
        return new CredentialStatus(credentialId, latest.revoked() != null ? Status.REVOKED : Status.EXPIRED, met,
                missing, latest.eligibleAt(), latest.awardId(), latest.validUntil(), awards);
    }
}
