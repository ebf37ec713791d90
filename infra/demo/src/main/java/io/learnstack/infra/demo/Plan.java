package io.learnstack.infra.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What the demo loads, decided before anything is sent: every learner's pathway through the courses, each
 * enrolment's outcome and every learning activity with its time. Everything follows from the seed, and all
 * times lie before {@link #CUTOFF}, so the same seed always gives the same data.
 *
 * @param learners every learner of every tenant
 */
record Plan(List<Learner> learners) {

    /** Nothing happens after this: the demo's "now". */
    static final Instant CUTOFF = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant FIRST_INTAKE = Instant.parse("2025-01-06T00:00:00Z");
    /** The tenants' default re-enrolment window (P12M). */
    static final Duration RE_ENROLMENT_WINDOW = Duration.ofDays(365);
    private static final int MAX_COURSES = 3;

    /** Where a learner starts (per cent), and where a finished course leads: code -> next code, per cent, ... */
    private static final Map<String, Object[]> STARTS = Map.of(
            Catalogue.CPR, new Object[] {25}, Catalogue.WHS, new Object[] {25},
            Catalogue.CERT3, new Object[] {35}, Catalogue.CERT4, new Object[] {15});
    private static final Map<String, Object[]> NEXT = Map.of(
            Catalogue.CPR, new Object[] {Catalogue.WHS, 25, Catalogue.CERT3, 25},
            Catalogue.WHS, new Object[] {Catalogue.CERT3, 35, Catalogue.CPR, 15},
            Catalogue.CERT3, new Object[] {Catalogue.CERT4, 45, Catalogue.WHS, 10},
            Catalogue.CERT4, new Object[] {Catalogue.DIPLOMA, 40},
            Catalogue.DIPLOMA, new Object[] {});

    /**
     * A learner and their enrolments, oldest first; one enrolment at a time.
     *
     * @param tenant     the tenant
     * @param email      the learner's mailbox (the xAPI actor is {@code mbox: mailto:<email>})
     * @param enrolments in order; each begins after the one before ended
     */
    record Learner(Tenant tenant, String email, List<Enrolment> enrolments) {

        /** The canonical learner key the APIs use. */
        String learnerKey() {
            return "mbox:mailto:" + email;
        }
    }

    /** How an enrolment stands at the cutoff. */
    enum Outcome { COMPLETED, WITHDRAWN, IN_PROGRESS }

    /**
     * One enrolment and what the learner did in it.
     *
     * @param id         the enrolment id, also the xAPI registration of its statements
     * @param course     the course
     * @param enrolled   when it began
     * @param outcome    how it stands
     * @param ended      when it was completed or withdrawn; {@code null} while in progress
     * @param activities the learning activities, in time order
     */
    record Enrolment(String id, Course course, Instant enrolled, Outcome outcome, Instant ended,
            List<Activity> activities) {

        /** The last unit the learner worked on: for a withdrawal, where they dropped off. */
        Course.Unit lastUnit() {
            return activities.isEmpty() ? course.units().get(0) : activities.get(activities.size() - 1).unit();
        }

        /** The month the learner joined, as the cohort the enrolment API is given. */
        String cohort() {
            return enrolled.toString().substring(0, 7);
        }
    }

    /** What a statement says a learner did. */
    enum Verb { LAUNCHED, EXPERIENCED, PASSED, FAILED, COMPLETED_UNIT, COMPLETED_COURSE }

    /**
     * One learning activity, sent as one xAPI statement.
     *
     * @param id     the statement id
     * @param verb   what happened
     * @param unit   the unit it belongs to
     * @param scaled the scaled score of an assessment, else {@code null}
     * @param at     when
     */
    record Activity(String id, Verb verb, Course.Unit unit, Double scaled, Instant at) {
    }

    static Plan generate(int learnerCount, long seed) {
        List<Learner> learners = new ArrayList<>();
        int totalShare = Tenant.EMBEDDED.stream().mapToInt(Tenant::share).sum();
        int assigned = 0;
        for (int t = 0; t < Tenant.EMBEDDED.size(); t++) {
            Tenant tenant = Tenant.EMBEDDED.get(t);
            int count = t == Tenant.EMBEDDED.size() - 1 ? learnerCount - assigned
                    : learnerCount * tenant.share() / totalShare;
            assigned += count;
            Map<String, Course> courses = Catalogue.courses(tenant);
            for (int n = 0; n < count; n++) {
                // One generator per learner: a learner's plan does not shift when another's changes.
                Random random = new Random(seed * 1_000_003L + (long) t * 10_000_019L + n);
                String email = String.format("learner-%d-%05d@%s", seed, n, tenant.domain());
                learners.add(new Learner(tenant, email, pathway(random, tenant, email, courses)));
            }
        }
        return new Plan(List.copyOf(learners));
    }

    private static List<Enrolment> pathway(Random random, Tenant tenant, String email, Map<String, Course> courses) {
        List<Enrolment> enrolments = new ArrayList<>();
        long intakeDays = ChronoUnit.DAYS.between(FIRST_INTAKE, CUTOFF.minus(Duration.ofDays(50)));
        Instant start = FIRST_INTAKE.plus(Duration.ofDays(random.nextInt((int) intakeDays)))
                .plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60)));
        String code = pick(random, STARTS, null);
        while (code != null && enrolments.size() < MAX_COURSES && start.isBefore(CUTOFF)) {
            Enrolment enrolment = enrolment(random, tenant, email, courses.get(code), start, enrolments.size());
            enrolments.add(enrolment);
            if (enrolment.outcome() == Outcome.IN_PROGRESS) {
                break;
            }
            String next = pick(random, NEXT, code);
            // Those who left are half as likely to come back for another course.
            if (next == null || (enrolment.outcome() == Outcome.WITHDRAWN && random.nextBoolean())
                    || alreadyTaken(enrolments, next)) {
                break;
            }
            // Most come back within the re-enrolment window; some much later.
            int gap = random.nextInt(100) < 75 ? 3 + random.nextInt(330) : 380 + random.nextInt(150);
            start = enrolment.ended().plus(Duration.ofDays(gap)).truncatedTo(ChronoUnit.DAYS)
                    .plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60)));
            code = next;
        }
        return List.copyOf(enrolments);
    }

    private static boolean alreadyTaken(List<Enrolment> enrolments, String code) {
        return enrolments.stream().anyMatch(enrolment -> enrolment.course().code().equals(code));
    }

    /** A weighted choice; the weights left over up to 100 choose nothing. */
    private static String pick(Random random, Map<String, Object[]> table, String from) {
        int roll = random.nextInt(100);
        if (from == null) {
            // Iterate in a fixed order: Map.of has none.
            for (String code : List.of(Catalogue.CPR, Catalogue.WHS, Catalogue.CERT3, Catalogue.CERT4)) {
                roll -= (Integer) table.get(code)[0];
                if (roll < 0) {
                    return code;
                }
            }
            return Catalogue.CERT3;
        }
        Object[] choices = table.get(from);
        for (int i = 0; i < choices.length; i += 2) {
            roll -= (Integer) choices[i + 1];
            if (roll < 0) {
                return (String) choices[i];
            }
        }
        return null;
    }

    private static Enrolment enrolment(Random random, Tenant tenant, String email, Course course, Instant enrolled,
            int position) {
        String id = nameUuid(tenant.id() + "|" + email + "|" + position);
        boolean withdraws = random.nextInt(100) < 22;
        // A withdrawing learner finishes some units, then works on one more and stops there.
        int reached = withdraws ? random.nextInt(course.units().size()) : course.units().size();
        List<Activity> activities = new ArrayList<>();
        Instant at = enrolled.plus(Duration.ofMinutes(30 + random.nextInt(600)));
        activities.add(new Activity(statementId(id, activities), Verb.LAUNCHED, course.units().get(0), null, at));
        boolean cutOff = false;
        for (int u = 0; u < course.units().size() && !cutOff; u++) {
            Course.Unit unit = course.units().get(u);
            at = at.plus(Duration.ofHours(2 + random.nextInt(72)));
            activities.add(new Activity(statementId(id, activities), Verb.EXPERIENCED, unit, null, at));
            boolean last = u == reached;
            if (last && withdraws) {
                if (random.nextBoolean()) {
                    at = at.plus(Duration.ofDays(1 + random.nextInt(10)));
                    activities.add(new Activity(statementId(id, activities), Verb.FAILED, unit, score(random, false), at));
                }
                break;
            }
            if (random.nextInt(100) < 25) {
                at = at.plus(Duration.ofDays(3 + random.nextInt(14)));
                activities.add(new Activity(statementId(id, activities), Verb.FAILED, unit, score(random, false), at));
            }
            at = at.plus(Duration.ofDays(3 + random.nextInt(20)));
            activities.add(new Activity(statementId(id, activities), Verb.PASSED, unit, score(random, true), at));
            activities.add(new Activity(statementId(id, activities), Verb.COMPLETED_UNIT, unit, null,
                    at.plus(Duration.ofMinutes(1))));
            cutOff = at.isAfter(CUTOFF);
        }
        if (!withdraws && !cutOff) {
            at = at.plus(Duration.ofMinutes(5));
            activities.add(new Activity(statementId(id, activities), Verb.COMPLETED_COURSE, course.units().get(
                    course.units().size() - 1), null, at));
        }
        Instant ended = withdraws ? at.plus(Duration.ofDays(7 + random.nextInt(30))) : at;
        if (!ended.isBefore(CUTOFF)) {
            // Not finished by the cutoff: only what happened before it is sent.
            List<Activity> before = activities.stream().filter(activity -> activity.at().isBefore(CUTOFF))
                    .filter(activity -> activity.verb() != Verb.COMPLETED_COURSE).toList();
            return new Enrolment(id, course, enrolled, Outcome.IN_PROGRESS, null, before);
        }
        return new Enrolment(id, course, enrolled, withdraws ? Outcome.WITHDRAWN : Outcome.COMPLETED, ended,
                List.copyOf(activities));
    }

    private static double score(Random random, boolean passed) {
        double scaled = passed ? 0.5 + random.nextInt(51) / 100.0 : 0.1 + random.nextInt(39) / 100.0;
        return Math.round(scaled * 100) / 100.0;
    }

    private static String statementId(String enrolmentId, List<Activity> before) {
        return nameUuid(enrolmentId + "|" + before.size());
    }

    static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
