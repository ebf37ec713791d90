package io.learnstack.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.learnstack.query.analytics.AnalyticsTables.Breakdown;
import io.learnstack.query.analytics.AnalyticsTables.Interval;

class AnalyticsTablesTest {

    private static final String FIRST_AID = "https://rto.example/courses/first-aid";
    private static final String CPR = "https://rto.example/courses/cpr";
    private static final String AED = "https://rto.example/courses/aed";
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant day(int n) {
        return JAN.plusSeconds(86_400L * n);
    }

    private static Step open(String id, String course, int enrolled) {
        return new Step(id, course, null, cohortOf(enrolled), day(enrolled), null, null, null, null, null, null);
    }

    private static Step completed(String id, String course, int enrolled, int ended) {
        return new Step(id, course, null, cohortOf(enrolled), day(enrolled), day(ended), "completed", true, null, null,
                null);
    }

    private static Step withdrawn(String id, String course, int enrolled, int ended, String dropOff) {
        return new Step(id, course, null, cohortOf(enrolled), day(enrolled), day(ended), "withdrawn", null, null, null,
                dropOff);
    }

    private static String cohortOf(int day) {
        return day < 31 ? "2026-01" : day < 59 ? "2026-02" : "2026-03";
    }

    private static Step reEnrolledBy(Step step, String next) {
        return new Step(step.enrolmentId(), step.course(), step.offering(), step.cohort(), step.enrolled(), step.ended(),
                step.outcome(), step.success(), step.previous(), next, step.dropOff());
    }

    private static Step after(Step step, String previous) {
        return new Step(step.enrolmentId(), step.course(), step.offering(), step.cohort(), step.enrolled(), step.ended(),
                step.outcome(), step.success(), previous, step.reEnrolledBy(), step.dropOff());
    }

    /** Ada: first aid (done in 10 days) then CPR; Bo: first aid (done in 20 days) then CPR, 30 days later; Cy withdrew. */
    private static List<LearnerSteps> learners() {
        List<LearnerSteps> learners = new ArrayList<>();
        learners.add(new LearnerSteps("ada", List.of(reEnrolledBy(completed("a1", FIRST_AID, 0, 10), "a2"),
                after(open("a2", CPR, 14), "a1"))));
        learners.add(new LearnerSteps("bo", List.of(reEnrolledBy(completed("b1", FIRST_AID, 2, 22), "b2"),
                after(completed("b2", CPR, 52, 60), "b1"))));
        learners.add(new LearnerSteps("cy", List.of(withdrawn("c1", FIRST_AID, 5, 9, "https://rto.example/units/2"))));
        learners.add(new LearnerSteps("di", List.of(completed("d1", FIRST_AID, 40, 70), open("d2", AED, 80))));
        return learners;
    }

    @Test
    void theSummaryCountsLearnersEnrolmentsOutcomesAndReEnrolments() {
        Map<String, Object> summary = AnalyticsTables.summary(learners(), AnalyticsFilter.NONE);

        assertThat(summary).containsEntry("learners", 4).containsEntry("enrolments", 7).containsEntry("completed", 4)
                .containsEntry("withdrawn", 1).containsEntry("completionRate", 0.5714)
                .containsEntry("reEnrolments", 2).containsEntry("reEnrolmentRate", 0.4);
    }

    @Nested
    class CompletionRates {

        @Test
        void perCohortAndCourseWithTheMedianDaysToComplete() {
            List<Map<String, Object>> rows = AnalyticsTables.completionRates(learners(), AnalyticsFilter.NONE,
                    Interval.MONTH, Breakdown.COURSE);

            assertThat(rows).extracting(r -> r.get("period") + " " + r.get("course")).containsExactly(
                    "2026-01 " + CPR, "2026-01 " + FIRST_AID, "2026-02 " + CPR, "2026-02 " + FIRST_AID,
                    "2026-03 " + AED);
            Map<String, Object> januaryFirstAid = rows.stream()
                    .filter(r -> r.get("period").equals("2026-01") && r.get("course").equals(FIRST_AID)).findFirst()
                    .orElseThrow();
            assertThat(januaryFirstAid).containsEntry("enrolled", 3).containsEntry("completed", 2L)
                    .containsEntry("withdrawn", 1L).containsEntry("rate", 0.6667)
                    .containsEntry("medianDaysToComplete", 15.0);
        }

        @Test
        void perTenantAndYearWithFilters() {
            List<Map<String, Object>> rows = AnalyticsTables.completionRates(learners(),
                    new AnalyticsFilter(FIRST_AID, null, null, null, day(30)), Interval.YEAR, Breakdown.TENANT);

            assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("period", "2026")
                    .containsEntry("course", null).containsEntry("enrolled", 3).containsEntry("rate", 0.6667));
        }

        @Test
        void anOddNumberOfCompletionsHasTheMiddleOneAsMedian() {
            assertThat(AnalyticsTables.median(List.of(30.0, 10.0, 20.0))).isEqualTo(20.0);
            assertThat(AnalyticsTables.median(List.of(1.0, 2.0))).isEqualTo(1.5);
            assertThat(AnalyticsTables.median(List.of())).isNull();
        }
    }

    @Test
    void reEnrolmentRatesCountFinishedEnrolmentsFollowedByAnotherCourse() {
        List<Map<String, Object>> rows = AnalyticsTables.reEnrolmentRates(learners(), AnalyticsFilter.NONE, Interval.MONTH);

        assertThat(rows).filteredOn(r -> r.get("period").equals("2026-01") && r.get("course").equals(FIRST_AID))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("finished", 3)
                        .containsEntry("reEnrolled", 2).containsEntry("rate", 0.6667));
        assertThat(rows).filteredOn(r -> r.get("period").equals("2026-02") && r.get("course").equals(FIRST_AID))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("rate", 0.0));
    }

    @Test
    void transitionsCountLearnersAndTheMedianGapFromTheEndOfOneCourseToTheNext() {
        List<Map<String, Object>> rows = AnalyticsTables.transitions(learners(), AnalyticsFilter.NONE);

        // ada: 4 days after completing; bo: 30 days; di: 10 days
        assertThat(rows).containsExactly(
                Map.of("from", FIRST_AID, "to", CPR, "learners", 2, "medianGapDays", 17.0),
                Map.of("from", FIRST_AID, "to", AED, "learners", 1, "medianGapDays", 10.0));
        assertThat(AnalyticsTables.transitions(learners(), new AnalyticsFilter(CPR, null, null, null, null))).isEmpty();
    }

    @Test
    void aNextCourseBegunBeforeTheFirstEndedCountsFromTheFirstsStart() {
        List<LearnerSteps> overlapping = List.of(new LearnerSteps("eve",
                List.of(completed("e1", FIRST_AID, 0, 20), open("e2", CPR, 6))));

        assertThat(AnalyticsTables.transitions(overlapping, AnalyticsFilter.NONE))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("medianGapDays", 6.0));
    }

    @Test
    void pathwaysAreTheMostCommonWholeSequencesFirst() {
        List<Map<String, Object>> rows = AnalyticsTables.pathways(learners(), AnalyticsFilter.NONE);

        assertThat(rows).containsExactly(
                Map.of("pathway", List.of(FIRST_AID, CPR), "learners", 2),
                Map.of("pathway", List.of(FIRST_AID), "learners", 1),
                Map.of("pathway", List.of(FIRST_AID, AED), "learners", 1));
    }

    @Test
    void dropOffCountsLearnersByTheirLastActivityBeforeWithdrawing() {
        List<LearnerSteps> learners = new ArrayList<>(learners());
        learners.add(new LearnerSteps("fay", List.of(withdrawn("f1", FIRST_AID, 3, 4, "https://rto.example/units/2"))));
        learners.add(new LearnerSteps("gus", List.of(withdrawn("g1", FIRST_AID, 3, 4, null))));

        assertThat(AnalyticsTables.dropOff(learners, AnalyticsFilter.NONE)).extracting(r -> r.get("activity") + "=" + r.get("learners"))
                .containsExactly("https://rto.example/units/2=2", "null=1");
    }
}
