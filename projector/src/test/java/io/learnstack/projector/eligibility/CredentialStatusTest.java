package io.learnstack.projector.eligibility;

import static io.learnstack.projector.eligibility.EligibilityFixtures.ADA;
import static io.learnstack.projector.eligibility.EligibilityFixtures.QUIZ;
import static io.learnstack.projector.eligibility.EligibilityFixtures.TENANT;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_A;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_B;
import static io.learnstack.projector.eligibility.EligibilityFixtures.allOf;
import static io.learnstack.projector.eligibility.EligibilityFixtures.completed;
import static io.learnstack.projector.eligibility.EligibilityFixtures.day;
import static io.learnstack.projector.eligibility.EligibilityFixtures.definition;
import static io.learnstack.projector.eligibility.EligibilityFixtures.held;
import static io.learnstack.projector.eligibility.EligibilityFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;
import io.learnstack.events.StatementVoided;

/** Statuses decided from events merged into a learner's evidence. */
class CredentialStatusTest {

    private static final CatalogueEntry UNIT = new CatalogueEntry(definition("unit-a", 1, completed(UNIT_A)), false);
    private static final CatalogueEntry MICRO = new CatalogueEntry(definition("micro", 1,
            allOf(held("unit-a"), passed(QUIZ, 0.5))), false);
    private static final CatalogueEntry SKILL_SET = new CatalogueEntry(definition("skill-set", 1,
            allOf(held("micro"), completed(UNIT_B))), false);

    private final LearnerEvidence learner = new LearnerEvidence();

    private CredentialStatus status(CatalogueEntry entry) {
        return CredentialStatus.decide(entry, learner.evidence()).orElseThrow();
    }

    private static CompletionRecorded completion(String statementId, String activityId, Instant at) {
        return new CompletionRecorded(TENANT, statementId, ADA, activityId, null, true, at);
    }

    private static AssessmentSubmitted pass(String statementId, double scaled, Instant at) {
        return new AssessmentSubmitted(TENANT, statementId, ADA, QUIZ, "http://adlnet.gov/expapi/verbs/passed", null,
                scaled, null, true, at);
    }

    private static CredentialIssued issued(String awardId, String credentialId, Instant eligibleAt, Instant validFrom,
            Instant validUntil) {
        return new CredentialIssued(TENANT, awardId, ADA, credentialId, 1, null, eligibleAt, validFrom, validUntil, "jwt");
    }

    @Test
    void noEvidenceIsNotStarted_someIsInProgress() {
        // given
        assertThat(status(MICRO).status()).isEqualTo(Status.NOT_STARTED);

        // when
        learner.apply(pass("s1", 0.9, day(1)));

        // then
        CredentialStatus status = status(MICRO);
        assertThat(status.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(status.missing()).extracting(Leaf::id).containsExactly("unit-a");
    }

    @Nested
    class Stacking {

        @Test
        void eachLevelBecomesEligibleWhenTheLevelBelowIsIssued() {
            // given: the unit is completed
            learner.apply(completion("s1", UNIT_A, day(1)));
            learner.apply(pass("s2", 0.7, day(2)));
            learner.apply(completion("s3", UNIT_B, day(3)));
            assertThat(status(UNIT).status()).isEqualTo(Status.ELIGIBLE);
            assertThat(status(UNIT).eligibleAt()).isEqualTo(day(1));
            assertThat(status(MICRO).status()).isEqualTo(Status.IN_PROGRESS);

            // when: the unit is issued
            learner.apply(issued("award-unit", "unit-a", day(1), day(4), null));

            // then: the micro-credential is eligible from the unit's issue, the skill set not yet
            assertThat(status(UNIT).status()).isEqualTo(Status.ISSUED);
            assertThat(status(MICRO).status()).isEqualTo(Status.ELIGIBLE);
            assertThat(status(MICRO).eligibleAt()).isEqualTo(day(4));
            assertThat(status(SKILL_SET).status()).isEqualTo(Status.IN_PROGRESS);

            // when: the micro-credential is issued
            learner.apply(issued("award-micro", "micro", day(4), day(5), null));

            // then
            assertThat(status(MICRO).status()).isEqualTo(Status.ISSUED);
            assertThat(status(MICRO).awardId()).isEqualTo("award-micro");
            assertThat(status(SKILL_SET).status()).isEqualTo(Status.ELIGIBLE);
            assertThat(status(SKILL_SET).eligibleAt()).isEqualTo(day(5));
        }

        @Test
        void revokingALowerLevelTakesEligibilityAwayAbove() {
            // given
            learner.apply(pass("s2", 0.7, day(2)));
            learner.apply(issued("award-unit", "unit-a", day(1), day(4), null));
            assertThat(status(MICRO).status()).isEqualTo(Status.ELIGIBLE);

            // when
            learner.apply(new CredentialRevoked(TENANT, "award-unit", ADA, "unit-a", "plagiarism", "demo", day(6)));

            // then
            assertThat(status(UNIT).status()).isEqualTo(Status.REVOKED);
            assertThat(status(MICRO).status()).isEqualTo(Status.IN_PROGRESS);
        }
    }

    @Nested
    class ExpiryAndRenewal {

        @Test
        void anExpiredAwardIsExpired_andTheOldEvidenceDoesNotEarnItAgain() {
            // given
            learner.apply(completion("s1", UNIT_A, day(1)));
            learner.apply(issued("award-1", "unit-a", day(1), day(2), day(365)));
            assertThat(status(UNIT).status()).isEqualTo(Status.ISSUED);
            assertThat(status(UNIT).validUntil()).isEqualTo(day(365));

            // when
            learner.apply(new CredentialExpired(TENANT, "award-1", ADA, "unit-a", day(365)));

            // then
            CredentialStatus status = status(UNIT);
            assertThat(status.status()).isEqualTo(Status.EXPIRED);
            assertThat(status.awardId()).isEqualTo("award-1");
            assertThat(status.missing()).extracting(Leaf::id).containsExactly(UNIT_A);
        }

        @Test
        void evidenceAfterTheExpiredAwardsIssueRenewsIt() {
            // given
            learner.apply(completion("s1", UNIT_A, day(1)));
            learner.apply(issued("award-1", "unit-a", day(1), day(2), day(365)));
            learner.apply(new CredentialExpired(TENANT, "award-1", ADA, "unit-a", day(365)));

            // when: completed again (after validFrom, even before the expiry)
            learner.apply(completion("s2", UNIT_A, day(300)));

            // then
            CredentialStatus status = status(UNIT);
            assertThat(status.status()).isEqualTo(Status.ELIGIBLE);
            assertThat(status.eligibleAt()).isEqualTo(day(300));

            // when: renewed
            learner.apply(issued("award-2", "unit-a", day(300), day(366), day(731)));

            // then
            assertThat(status(UNIT).status()).isEqualTo(Status.ISSUED);
            assertThat(status(UNIT).awardId()).isEqualTo("award-2");
            assertThat(status(UNIT).awards()).hasSize(2);
        }
    }

    @Nested
    class Voiding {

        @Test
        void aVoidedStatementNoLongerCounts() {
            // given
            learner.apply(completion("s1", UNIT_A, day(1)));
            assertThat(status(UNIT).status()).isEqualTo(Status.ELIGIBLE);

            // when
            learner.apply(new StatementVoided(TENANT, "s1", ADA, "v1", day(2)));

            // then
            assertThat(status(UNIT).status()).isEqualTo(Status.NOT_STARTED);
        }

        @Test
        void aRedeliveredStatementStaysVoided() {
            // given
            learner.apply(completion("s1", UNIT_A, day(1)));
            learner.apply(new StatementVoided(TENANT, "s1", ADA, "v1", day(2)));

            // when
            learner.apply(completion("s1", UNIT_A, day(1)));

            // then
            assertThat(status(UNIT).status()).isEqualTo(Status.NOT_STARTED);
        }

        @Test
        void otherEvidenceForTheSameActivityStillCounts() {
            // given
            learner.apply(completion("s1", UNIT_A, day(1)));
            learner.apply(completion("s2", UNIT_A, day(3)));

            // when
            learner.apply(new StatementVoided(TENANT, "s1", ADA, "v1", day(4)));

            // then
            assertThat(status(UNIT).eligibleAt()).isEqualTo(day(3));
        }
    }

    @Test
    void aRetiredCredentialIsEarnedByNoOne_butAnAwardHeldStays() {
        // given
        learner.apply(completion("s1", UNIT_A, day(1)));
        CatalogueEntry retired = new CatalogueEntry(UNIT.definition(), true);

        // when / then
        assertThat(CredentialStatus.decide(retired, learner.evidence())).isEmpty();
        learner.apply(issued("award-1", "unit-a", day(1), day(2), null));
        assertThat(CredentialStatus.decide(retired, learner.evidence())).get().extracting(CredentialStatus::status)
                .isEqualTo(Status.ISSUED);
    }

    @Test
    void evidenceSurvivesTheReadModelDocument() {
        // given
        learner.apply(completion("s1", UNIT_A, day(1)));
        learner.apply(pass("s2", 0.7, day(2)));
        learner.apply(new StatementVoided(TENANT, "s1", ADA, "v1", day(2)));
        learner.apply(issued("award-1", "unit-a", day(1), day(2), day(365)));
        learner.apply(new CredentialRevoked(TENANT, "award-1", ADA, "unit-a", "error", "demo", day(3)));

        // when
        Evidence read = LearnerEvidence.fromDocument(learner.toDocument()).evidence();

        // then
        assertThat(read).isEqualTo(learner.evidence());
    }
}
