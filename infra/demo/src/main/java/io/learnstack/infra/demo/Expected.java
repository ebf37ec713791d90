package io.learnstack.infra.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures the analytics should show once the plan is loaded, counted from the plan itself so they
 * check the system rather than repeat it. Definitions (docs/dashboard.md): a completion or withdrawal is
 * an enrolment that ended so; the completion rate is completions over enrolments; a re-enrolment is an
 * enrolment in another course that began within the re-enrolment window after the learner's previous
 * enrolment ended; the re-enrolment rate is re-enrolments over finished (completed or withdrawn)
 * enrolments; a transition is a learner's move from one course to the next one they enrolled in.
 *
 * @param tenants figures per tenant id
 */
record Expected(Map<String, TenantFigures> tenants) {

    private static final int TOP = 10;

    /**
     * One tenant's figures.
     *
     * @param learners        learners with at least one enrolment
     * @param enrolments      enrolments
     * @param completed       enrolments completed
     * @param withdrawn       enrolments withdrawn
     * @param inProgress      enrolments neither
     * @param completionRate  completed / enrolments
     * @param reEnrolments    enrolments that are re-enrolments
     * @param reEnrolmentRate re-enrolments / (completed + withdrawn)
     * @param transitions     the most frequent course-to-course moves, most learners first
     * @param dropOff         where withdrawing learners stopped, most learners first
     * @param statements      xAPI statements sent
     */
    record TenantFigures(int learners, int enrolments, int completed, int withdrawn, int inProgress,
            double completionRate, int reEnrolments, double reEnrolmentRate, List<Transition> transitions,
            List<DropOff> dropOff, int statements) {
    }

    /**
     * Learners who went from one course to another.
     *
     * @param from     the course IRI they left or finished
     * @param to       the course IRI they enrolled in next
     * @param learners how many
     */
    record Transition(String from, String to, int learners) {
    }

    /**
     * Withdrawn enrolments whose last activity was this unit.
     *
     * @param course   the course IRI
     * @param activity the unit's IRI
     * @param learners how many
     */
    record DropOff(String course, String activity, int learners) {
    }

    static Expected of(Plan plan) {
        Map<String, TenantFigures> tenants = new LinkedHashMap<>();
        for (Tenant tenant : Tenant.EMBEDDED) {
            List<Plan.Learner> learners = plan.learners().stream().filter(l -> l.tenant().equals(tenant)).toList();
            tenants.put(tenant.id(), figures(learners));
        }
        return new Expected(tenants);
    }

    private static TenantFigures figures(List<Plan.Learner> learners) {
        int enrolled = 0;
        int completed = 0;
        int withdrawn = 0;
        int reEnrolments = 0;
        int statements = 0;
        int active = 0;
        Map<List<String>, Set<String>> moves = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Map<List<String>, Integer> drops = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Plan.Learner learner : learners) {
            if (!learner.enrolments().isEmpty()) {
                active++;
            }
            Plan.Enrolment previous = null;
            for (Plan.Enrolment enrolment : learner.enrolments()) {
                enrolled++;
                statements += enrolment.activities().size();
                switch (enrolment.outcome()) {
                    case COMPLETED -> completed++;
                    case WITHDRAWN -> {
                        withdrawn++;
                        drops.merge(List.of(enrolment.course().iri(), enrolment.lastUnit().iri()), 1, Integer::sum);
                    }
                    case IN_PROGRESS -> { }
                }
                if (previous != null) {
                    moves.computeIfAbsent(List.of(previous.course().iri(), enrolment.course().iri()),
                            k -> new HashSet<>()).add(learner.email());
                    boolean otherCourse = !previous.course().equals(enrolment.course());
                    if (otherCourse && !enrolment.enrolled().isAfter(previous.ended().plus(Plan.RE_ENROLMENT_WINDOW))) {
                        reEnrolments++;
                    }
                }
                previous = enrolment;
            }
        }
        List<Transition> transitions = new ArrayList<>();
        moves.forEach((key, who) -> transitions.add(new Transition(key.get(0), key.get(1), who.size())));
        transitions.sort(Comparator.comparingInt(Transition::learners).reversed());
        List<DropOff> dropOff = new ArrayList<>();
        drops.forEach((key, count) -> dropOff.add(new DropOff(key.get(0), key.get(1), count)));
        dropOff.sort(Comparator.comparingInt(DropOff::learners).reversed());
        int finished = completed + withdrawn;
        return new TenantFigures(active, enrolled, completed, withdrawn, enrolled - completed - withdrawn,
                ratio(completed, enrolled), reEnrolments, ratio(reEnrolments, finished),
                List.copyOf(transitions.subList(0, Math.min(TOP, transitions.size()))),
                List.copyOf(dropOff.subList(0, Math.min(TOP, dropOff.size()))), statements);
    }

    /** Rounded to four places, as a fraction of one. */
    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
