package io.learnstack.projector.eligibility;

import static io.learnstack.projector.eligibility.EligibilityFixtures.QUIZ;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_A;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_B;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_C;
import static io.learnstack.projector.eligibility.EligibilityFixtures.allOf;
import static io.learnstack.projector.eligibility.EligibilityFixtures.anyOf;
import static io.learnstack.projector.eligibility.EligibilityFixtures.atLeast;
import static io.learnstack.projector.eligibility.EligibilityFixtures.award;
import static io.learnstack.projector.eligibility.EligibilityFixtures.completed;
import static io.learnstack.projector.eligibility.EligibilityFixtures.completion;
import static io.learnstack.projector.eligibility.EligibilityFixtures.day;
import static io.learnstack.projector.eligibility.EligibilityFixtures.held;
import static io.learnstack.projector.eligibility.EligibilityFixtures.pass;
import static io.learnstack.projector.eligibility.EligibilityFixtures.passed;
import static io.learnstack.projector.eligibility.EligibilityFixtures.within;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.learnstack.events.Requirement;
import io.learnstack.projector.eligibility.RequirementEvaluator.Evaluation;

class RequirementEvaluatorTest {

    private static Evaluation evaluate(Requirement requirement, Evidence evidence) {
        return RequirementEvaluator.evaluate(requirement, evidence, null);
    }

    private static Evidence completions(Evidence.Completion... completions) {
        return new Evidence(List.of(completions), List.of(), List.of());
    }

    @Nested
    class ActivityCompleted {

        @Test
        void isMetAtTheFirstCompletionOfTheActivity() {
            // given
            Evidence evidence = completions(completion("s2", UNIT_A, day(3)), completion("s1", UNIT_A, day(1)),
                    completion("s3", UNIT_B, day(0)));

            // when
            Evaluation evaluation = evaluate(completed(UNIT_A), evidence);

            // then
            assertThat(evaluation.eligibleAt()).isEqualTo(day(1));
            assertThat(evaluation.met()).containsExactly(new Leaf("activityCompleted", UNIT_A, null, null));
            assertThat(evaluation.missing()).isEmpty();
        }

        @Test
        void isMissingWithoutACompletionOfThatActivity() {
            // when
            Evaluation evaluation = evaluate(completed(UNIT_A), completions(completion("s1", UNIT_B, day(1))));

            // then
            assertThat(evaluation.isMet()).isFalse();
            assertThat(evaluation.missing()).containsExactly(new Leaf("activityCompleted", UNIT_A, null, null));
        }
    }

    @Nested
    class AssessmentPassed {

        @Test
        void needsSuccess() {
            // given
            Evidence evidence = new Evidence(List.of(), List.of(pass("s1", QUIZ, 0.9, false, day(1)),
                    pass("s2", QUIZ, null, null, day(2))), List.of());

            // when / then
            assertThat(evaluate(passed(QUIZ, null), evidence).isMet()).isFalse();
        }

        @Test
        void countsAnyPassWithoutAMinimumScore() {
            // given
            Evidence evidence = new Evidence(List.of(), List.of(pass("s1", QUIZ, null, true, day(2))), List.of());

            // when / then
            assertThat(evaluate(passed(QUIZ, null), evidence).eligibleAt()).isEqualTo(day(2));
        }

        @Test
        void countsOnlyPassesAtOrAboveTheMinimumScaledScore() {
            // given
            Evidence evidence = new Evidence(List.of(), List.of(pass("s1", QUIZ, 0.79, true, day(1)),
                    pass("s2", QUIZ, null, true, day(2)), pass("s3", QUIZ, 0.8, true, day(3))), List.of());

            // when
            Evaluation evaluation = evaluate(passed(QUIZ, 0.8), evidence);

            // then
            assertThat(evaluation.eligibleAt()).isEqualTo(day(3));
            assertThat(evaluation.met()).containsExactly(new Leaf("assessmentPassed", QUIZ, 0.8, null));
        }
    }

    @Nested
    class CredentialHeld {

        @Test
        void isMetFromTheAwardsIssueTime() {
            // given
            Evidence evidence = new Evidence(List.of(), List.of(), List.of(award("a1", "cpr", day(4))));

            // when / then
            assertThat(evaluate(held("cpr"), evidence).eligibleAt()).isEqualTo(day(4));
        }

        @Test
        void aRevokedOrExpiredAwardIsNotHeld() {
            // given
            Evidence evidence = new Evidence(List.of(), List.of(), List.of(
                    new Evidence.Award("a1", "cpr", day(1), day(1), day(30), day(5), null),
                    new Evidence.Award("a2", "cpr", day(6), day(6), day(30), null, day(30))));

            // when / then
            assertThat(evaluate(held("cpr"), evidence).isMet()).isFalse();
        }

        @Test
        void anAwardPastItsValidUntilIsHeldUntilItsExpiryIsRecorded() {
            // given: expiry is known from its event only, never from the clock
            Evidence evidence = new Evidence(List.of(), List.of(), List.of(
                    new Evidence.Award("a1", "cpr", day(1), day(1), Instant.parse("2000-01-01T00:00:00Z"), null, null)));

            // when / then
            assertThat(evaluate(held("cpr"), evidence).isMet()).isTrue();
        }
    }

    @Nested
    class Combinations {

        private final Evidence evidence = completions(completion("s1", UNIT_A, day(5)), completion("s2", UNIT_B, day(2)));

        @Test
        void allOfIsMetWhenItsLastPartIs() {
            // when
            Evaluation evaluation = evaluate(allOf(completed(UNIT_A), completed(UNIT_B)), evidence);

            // then
            assertThat(evaluation.eligibleAt()).isEqualTo(day(5));
            assertThat(evaluation.met()).hasSize(2);
        }

        @Test
        void allOfListsEveryMissingPart() {
            // when
            Evaluation evaluation = evaluate(allOf(completed(UNIT_A), completed(UNIT_C), passed(QUIZ, null)), evidence);

            // then
            assertThat(evaluation.isMet()).isFalse();
            assertThat(evaluation.met()).extracting(Leaf::id).containsExactly(UNIT_A);
            assertThat(evaluation.missing()).extracting(Leaf::id).containsExactly(UNIT_C, QUIZ);
        }

        @Test
        void anyOfIsMetWhenItsFirstPartIs() {
            // when / then
            assertThat(evaluate(anyOf(completed(UNIT_A), completed(UNIT_B)), evidence).eligibleAt()).isEqualTo(day(2));
        }

        @Test
        void anUnmetAnyOfNamesItsCheapestAlternative() {
            // when
            Evaluation evaluation = evaluate(anyOf(allOf(completed(UNIT_C), passed(QUIZ, null)),
                    allOf(completed(UNIT_A), completed("https://rto.example/units/other"))), evidence);

            // then
            assertThat(evaluation.missing()).extracting(Leaf::id).containsExactly("https://rto.example/units/other");
        }

        @Test
        void atLeastIsMetWhenItsNthPartIs() {
            // given
            Evidence three = completions(completion("s1", UNIT_A, day(5)), completion("s2", UNIT_B, day(2)),
                    completion("s3", UNIT_C, day(9)));

            // when / then
            assertThat(evaluate(atLeast(2, completed(UNIT_A), completed(UNIT_B), completed(UNIT_C)), three).eligibleAt())
                    .isEqualTo(day(5));
            assertThat(evaluate(atLeast(3, completed(UNIT_A), completed(UNIT_B), completed(UNIT_C)), three).eligibleAt())
                    .isEqualTo(day(9));
        }

        @Test
        void anUnmetAtLeastNamesOnlyAsManyMissingPartsAsItNeeds() {
            // when
            Evaluation evaluation = evaluate(atLeast(3, completed(UNIT_A), completed(UNIT_B), completed(UNIT_C),
                    passed(QUIZ, null)), evidence);

            // then
            assertThat(evaluation.isMet()).isFalse();
            assertThat(evaluation.missing()).hasSize(1);
        }
    }

    @Nested
    class Within {

        @Test
        void isMetWhenTheEvidenceFitsTheWindow() {
            // given
            Evidence evidence = completions(completion("s1", UNIT_A, day(0)), completion("s2", UNIT_B, day(29)));

            // when / then
            assertThat(evaluate(within("P30D", allOf(completed(UNIT_A), completed(UNIT_B))), evidence).eligibleAt())
                    .isEqualTo(day(29));
        }

        @Test
        void isNotMetWhenTheEvidenceSpansMoreThanTheWindow_andNamesTheWindowAsMissing() {
            // given
            Evidence evidence = completions(completion("s1", UNIT_A, day(0)), completion("s2", UNIT_B, day(31)));

            // when
            Evaluation evaluation = evaluate(within("P30D", allOf(completed(UNIT_A), completed(UNIT_B))), evidence);

            // then
            assertThat(evaluation.isMet()).isFalse();
            assertThat(evaluation.met()).hasSize(2);
            assertThat(evaluation.missing()).containsExactly(new Leaf("within", null, null, java.time.Period.parse("P30D")));
        }

        @Test
        void aRepeatedActivityLaterBringsTheEvidenceIntoOneWindow() {
            // given: A again on day 40 fits with B on day 31
            Evidence evidence = completions(completion("s1", UNIT_A, day(0)), completion("s2", UNIT_B, day(31)),
                    completion("s3", UNIT_A, day(40)));

            // when / then
            assertThat(evaluate(within("P30D", allOf(completed(UNIT_A), completed(UNIT_B))), evidence).eligibleAt())
                    .isEqualTo(day(40));
        }

        @Test
        void monthsAreCalendarMonths() {
            // given
            Instant start = Instant.parse("2026-01-31T00:00:00Z");
            Evidence evidence = completions(completion("s1", UNIT_A, start),
                    completion("s2", UNIT_B, Instant.parse("2026-02-28T00:00:00Z")));

            // when / then
            assertThat(evaluate(within("P1M", allOf(completed(UNIT_A), completed(UNIT_B))), evidence).isMet()).isTrue();
        }

        @Test
        void onlyTheWindowedPartIsConstrained() {
            // given
            Evidence evidence = completions(completion("s1", UNIT_A, day(0)), completion("s2", UNIT_B, day(100)),
                    completion("s3", UNIT_C, day(105)));

            // when
            Evaluation evaluation = evaluate(allOf(completed(UNIT_A),
                    within("P10D", allOf(completed(UNIT_B), completed(UNIT_C)))), evidence);

            // then
            assertThat(evaluation.eligibleAt()).isEqualTo(day(105));
        }
    }

    @Test
    void evidenceAtOrBeforeTheRenewalPointDoesNotCount() {
        // given
        Evidence evidence = completions(completion("s1", UNIT_A, day(1)), completion("s2", UNIT_A, day(20)));

        // when / then
        assertThat(RequirementEvaluator.evaluate(completed(UNIT_A), evidence, day(1)).eligibleAt()).isEqualTo(day(20));
        assertThat(RequirementEvaluator.evaluate(completed(UNIT_A), evidence, day(20)).isMet()).isFalse();
    }
}
