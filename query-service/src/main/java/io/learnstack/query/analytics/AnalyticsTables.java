package io.learnstack.query.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analytics tables, computed from the learners' pathways. Every figure depends on the events' own
 * times only, so a rebuilt read model gives the same tables.
 */
final class AnalyticsTables {

    private static final double MILLIS_PER_DAY = 86_400_000d;

    private AnalyticsTables() {
    }

    /** How enrolments are grouped in time: by their cohort's month or its year. */
    enum Interval {
        MONTH, YEAR;

        String periodOf(Step step) {
            return this == MONTH ? step.cohort() : step.cohort().substring(0, 4);
        }
    }

    /** How completion rates are broken down besides the period. */
    enum Breakdown { COURSE, OFFERING, TENANT }

    static Map<String, Object> summary(List<LearnerSteps> learners, AnalyticsFilter filter) {
        int learnerCount = 0;
        int enrolments = 0;
        int completed = 0;
        int withdrawn = 0;
        int reEnrolments = 0;
        int finished = 0;
        int followed = 0;
        for (LearnerSteps learner : learners) {
            boolean counted = false;
            for (Step step : learner.steps()) {
                if (!filter.matches(step)) {
                    continue;
                }
                counted = true;
                enrolments++;
                completed += step.completed() ? 1 : 0;
                withdrawn += step.withdrawn() ? 1 : 0;
                reEnrolments += step.previous() != null ? 1 : 0;
                if (step.finished()) {
                    finished++;
                    followed += step.reEnrolledBy() != null ? 1 : 0;
                }
            }
            learnerCount += counted ? 1 : 0;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("learners", learnerCount);
        summary.put("enrolments", enrolments);
        summary.put("completed", completed);
        summary.put("withdrawn", withdrawn);
        summary.put("completionRate", rate(completed, enrolments));
        summary.put("reEnrolments", reEnrolments);
        summary.put("reEnrolmentRate", rate(followed, finished));
        return summary;
    }

    /**
     * Per period (the enrolments' cohort) and course, offering or tenant: enrolled, completed, withdrawn,
     * the completion rate and the median days from enrolment to completion.
     */
    static List<Map<String, Object>> completionRates(List<LearnerSteps> learners, AnalyticsFilter filter,
            Interval interval, Breakdown breakdown) {
        Map<List<String>, List<Step>> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> Objects.toString(k.get(2), "")));
        for (LearnerSteps learner : learners) {
            for (Step step : learner.steps()) {
                if (filter.matches(step)) {
                    List<String> key = new ArrayList<>();
                    key.add(interval.periodOf(step));
                    key.add(breakdown == Breakdown.TENANT ? "" : step.course());
                    key.add(breakdown == Breakdown.OFFERING ? step.offering() : null);
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(step);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((key, steps) -> {
            long completed = steps.stream().filter(Step::completed).count();
            long withdrawn = steps.stream().filter(Step::withdrawn).count();
            List<Double> days = steps.stream().filter(Step::completed).map(s -> days(s.enrolled(), s.ended()))
                    .toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period", key.get(0));
            row.put("course", breakdown == Breakdown.TENANT ? null : key.get(1));
            if (breakdown == Breakdown.OFFERING) {
                row.put("offering", key.get(2));
            }
            row.put("enrolled", steps.size());
            row.put("completed", completed);
            row.put("withdrawn", withdrawn);
            row.put("rate", rate(completed, steps.size()));
            row.put("medianDaysToComplete", median(days));
            rows.add(row);
        });
        return rows;
    }

    /**
     * Per period (the finished enrolment's cohort) and course: enrolments that ended, and how many of them
     * were followed by a re-enrolment in another course within the tenant's window.
     */
    static List<Map<String, Object>> reEnrolmentRates(List<LearnerSteps> learners, AnalyticsFilter filter,
            Interval interval) {
        Map<List<String>, int[]> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (LearnerSteps learner : learners) {
            for (Step step : learner.steps()) {
                if (filter.matches(step) && step.finished()) {
                    int[] counts = groups.computeIfAbsent(List.of(interval.periodOf(step), step.course()),
                            k -> new int[2]);
                    counts[0]++;
                    counts[1] += step.reEnrolledBy() != null ? 1 : 0;
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((key, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period", key.get(0));
            row.put("course", key.get(1));
            row.put("finished", counts[0]);
            row.put("reEnrolled", counts[1]);
            row.put("rate", rate(counts[1], counts[0]));
            rows.add(row);
        });
        return rows;
    }

    /**
     * For each course, the course each learner enrolled in next, with how many learners did and the
     * median days between the end of the first (or its start, when it had not ended by then) and the
     * start of the next. The filter's course, when given, is the course they came from.
     */
    static List<Map<String, Object>> transitions(List<LearnerSteps> learners, AnalyticsFilter filter) {
        Map<List<String>, Set<String>> who = new LinkedHashMap<>();
        Map<List<String>, List<Double>> gaps = new LinkedHashMap<>();
        AnalyticsFilter scope = filter.anyCourse();
        for (LearnerSteps learner : learners) {
            List<Step> steps = learner.steps().stream().filter(scope::matches).toList();
            for (int i = 0; i + 1 < steps.size(); i++) {
                Step from = steps.get(i);
                Step to = steps.get(i + 1);
                if (from.course().equals(to.course()) || (filter.course() != null
                        && !filter.course().equals(from.course()))) {
                    continue;
                }
                List<String> key = List.of(from.course(), to.course());
                if (who.computeIfAbsent(key, k -> new HashSet<>()).add(learner.learner())) {
                    boolean endedBefore = from.ended() != null && !from.ended().isAfter(to.enrolled());
                    double gap = days(endedBefore ? from.ended() : from.enrolled(), to.enrolled());
                    gaps.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.max(0, gap));
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        who.forEach((key, learnerKeys) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", key.get(0));
            row.put("to", key.get(1));
            row.put("learners", learnerKeys.size());
            row.put("medianGapDays", median(gaps.get(key)));
            rows.add(row);
        });
        rows.sort(byLearnersThen("from", "to"));
        return rows;
    }

    /** Learners' whole pathways (their courses in order, a course repeated at once counted once), most taken first. */
    static List<Map<String, Object>> pathways(List<LearnerSteps> learners, AnalyticsFilter filter) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        AnalyticsFilter scope = filter.anyCourse();
        for (LearnerSteps learner : learners) {
            List<String> pathway = new ArrayList<>();
            for (Step step : learner.steps()) {
                if (scope.matches(step) && (pathway.isEmpty() || !pathway.get(pathway.size() - 1).equals(step.course()))) {
                    pathway.add(step.course());
                }
            }
            if (!pathway.isEmpty() && (filter.course() == null || pathway.contains(filter.course()))) {
                counts.merge(pathway, 1, Integer::sum);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((pathway, count) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pathway", pathway);
            row.put("learners", count);
            rows.add(row);
        });
        rows.sort(Comparator.comparing((Map<String, Object> row) -> -((Integer) row.get("learners")))
                .thenComparing(row -> String.join(" > ", pathwayOf(row))));
        return rows;
    }

    /** Per course, the last activity learners did before withdrawing, with how many learners stopped there. */
    static List<Map<String, Object>> dropOff(List<LearnerSteps> learners, AnalyticsFilter filter) {
        Map<List<String>, Set<String>> who = new LinkedHashMap<>();
        for (LearnerSteps learner : learners) {
            for (Step step : learner.steps()) {
                if (filter.matches(step) && step.withdrawn()) {
                    List<String> key = new ArrayList<>();
                    key.add(step.course());
                    key.add(step.dropOff());
                    who.computeIfAbsent(key, k -> new HashSet<>()).add(learner.learner());
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        who.forEach((key, learnerKeys) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("course", key.get(0));
            row.put("activity", key.get(1));
            row.put("learners", learnerKeys.size());
            rows.add(row);
        });
        rows.sort(byLearnersThen("course", "activity"));
        return rows;
    }

    /** A learner's pathway as the API shows it. */
    static List<Map<String, Object>> pathwayOf(LearnerSteps learner) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : learner.steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("course", step.course());
            row.put("enrolmentId", step.enrolmentId());
            row.put("offering", step.offering());
            row.put("cohort", step.cohort());
            row.put("enrolled", step.enrolled());
            row.put("ended", step.ended());
            row.put("outcome", step.outcome());
            row.put("reEnrolment", step.previous() != null);
            steps.add(row);
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static List<String> pathwayOf(Map<String, Object> row) {
        return (List<String>) row.get("pathway");
    }

    private static Comparator<Map<String, Object>> byLearnersThen(String first, String second) {
        return Comparator.comparing((Map<String, Object> row) -> -((Integer) row.get("learners")))
                .thenComparing(row -> Objects.toString(row.get(first), ""))
                .thenComparing(row -> Objects.toString(row.get(second), ""));
    }

    static double days(java.time.Instant from, java.time.Instant to) {
        return Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
    }

    /** The median, to one decimal, or {@code null} for none. */
    static Double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(median * 10) / 10.0;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000d / whole) / 10_000d;
    }
}
