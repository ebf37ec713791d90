package io.learnstack.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlanTest {

    private final Plan plan = Plan.generate(600, 7);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        assertThat(Plan.generate(600, 7)).isEqualTo(plan);
        assertThat(Plan.generate(600, 8)).isNotEqualTo(plan);
    }

    @Test
    void splitsTheLearnersOverTheTenantsByTheirShares() {
        assertThat(plan.learners()).hasSize(600);
        assertThat(plan.learners().stream().filter(l -> l.tenant().id().equals("demo"))).hasSize(240);
        assertThat(plan.learners().stream().filter(l -> l.tenant().id().equals("northside-rto"))).hasSize(210);
        assertThat(plan.learners().stream().filter(l -> l.tenant().id().equals("harbour-rto"))).hasSize(150);
    }

    @Test
    void everyLearnerHasOneEnrolmentAtATimeEachInAnotherCourse() {
        for (Plan.Learner learner : plan.learners()) {
            assertThat(learner.enrolments()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            Set<String> courses = new HashSet<>();
            Plan.Enrolment previous = null;
            for (Plan.Enrolment enrolment : learner.enrolments()) {
                assertThat(courses.add(enrolment.course().code())).as("course taken twice").isTrue();
                if (previous != null) {
                    assertThat(previous.outcome()).isNotEqualTo(Plan.Outcome.IN_PROGRESS);
                    assertThat(enrolment.enrolled()).isAfter(previous.ended());
                }
                previous = enrolment;
            }
        }
    }

    @Test
    void nothingHappensAfterTheCutoffAndActivitiesFollowTheEnrolment() {
        for (Plan.Learner learner : plan.learners()) {
            for (Plan.Enrolment enrolment : learner.enrolments()) {
                assertThat(enrolment.enrolled()).isBefore(Plan.CUTOFF);
                if (enrolment.ended() != null) {
                    assertThat(enrolment.ended()).isBefore(Plan.CUTOFF);
                }
                var times = enrolment.activities().stream().map(Plan.Activity::at).toList();
                assertThat(times).isSorted().allSatisfy(at -> assertThat(at).isAfter(enrolment.enrolled())
                        .isBefore(Plan.CUTOFF));
            }
        }
    }

    @Test
    void onlyACompletedEnrolmentEndsWithTheCourseCompleted() {
        for (Plan.Learner learner : plan.learners()) {
            for (Plan.Enrolment enrolment : learner.enrolments()) {
                List<Plan.Verb> verbs = enrolment.activities().stream().map(Plan.Activity::verb).toList();
                if (enrolment.outcome() == Plan.Outcome.COMPLETED) {
                    assertThat(verbs).last().isEqualTo(Plan.Verb.COMPLETED_COURSE);
                    assertThat(verbs.stream().filter(v -> v == Plan.Verb.PASSED))
                            .hasSize(enrolment.course().units().size());
                } else {
                    assertThat(verbs).doesNotContain(Plan.Verb.COMPLETED_COURSE);
                }
            }
        }
    }

    @Test
    void passingScoresAreAtLeastHalfAndFailingOnesBelow() {
        var assessments = plan.learners().stream().flatMap(l -> l.enrolments().stream())
                .flatMap(e -> e.activities().stream()).filter(a -> a.scaled() != null).toList();
        assertThat(assessments).isNotEmpty().allSatisfy(a -> {
            if (a.verb() == Plan.Verb.PASSED) {
                assertThat(a.scaled()).isBetween(0.5, 1.0);
            } else {
                assertThat(a.verb()).isEqualTo(Plan.Verb.FAILED);
                assertThat(a.scaled()).isBetween(0.0, 0.49);
            }
        });
    }

    @Test
    void statementAndEnrolmentIdsAreUnique() {
        var enrolmentIds = plan.learners().stream().flatMap(l -> l.enrolments().stream()).map(Plan.Enrolment::id)
                .toList();
        var statementIds = plan.learners().stream().flatMap(l -> l.enrolments().stream())
                .flatMap(e -> e.activities().stream()).map(Plan.Activity::id).toList();
        assertThat(enrolmentIds).doesNotHaveDuplicates();
        assertThat(statementIds).doesNotHaveDuplicates();
    }

    @Test
    void theMixHasEveryOutcomeAndSomeLearnersComeBack() {
        var enrolments = plan.learners().stream().flatMap(l -> l.enrolments().stream()).toList();
        assertThat(enrolments).extracting(Plan.Enrolment::outcome).contains(Plan.Outcome.values());
        assertThat(plan.learners().stream().filter(l -> l.enrolments().size() > 1).count())
                .isGreaterThan(plan.learners().size() / 5);
    }

    @Test
    void aStatementCarriesTheEnrolmentAsItsRegistration() {
        Plan.Learner learner = plan.learners().get(0);
        Plan.Enrolment enrolment = learner.enrolments().get(0);

        var statements = Statements.of(learner, enrolment);

        assertThat(statements).hasSize(enrolment.activities().size()).allSatisfy(statement -> {
            assertThat(statement).containsKeys("id", "actor", "verb", "object", "timestamp");
            assertThat(((java.util.Map<?, ?>) statement.get("context")).get("registration")).isEqualTo(enrolment.id());
        });
    }
}
