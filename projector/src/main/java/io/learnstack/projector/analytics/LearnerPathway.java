package io.learnstack.projector.analytics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.EnrolmentCompleted;
import io.learnstack.events.EnrolmentWithdrawn;
import io.learnstack.events.LearnerEnrolled;
import io.learnstack.events.LearnerReEnrolled;
import io.learnstack.events.LearningActivityRecorded;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.StatementVoided;

/**
 * One learner's enrolments, and the learner's latest activities (by registration) that tell where a
 * withdrawn learner stopped. Built from and written back to the learner's document; every change is a
 * function of the events alone, and applying an event twice changes nothing.
 */
final class LearnerPathway {

    static final String WITHDRAWN = "withdrawn";
    static final String COMPLETED = "completed";

    /** Enough recent activities per registration to find the last one before a withdrawal. */
    private static final int RECENT_PER_REGISTRATION = 10;
    private static final int RECENT_IN_ALL = 100;
    private static final String NO_REGISTRATION = "";

    private final String tenant;
    private final String learner;
    private final Map<String, Document> enrolments = new LinkedHashMap<>();
    private final List<Document> recent = new ArrayList<>();
    private final Map<String, Long> applied = new LinkedHashMap<>();

    private LearnerPathway(String tenant, String learner) {
        this.tenant = tenant;
        this.learner = learner;
    }

    static LearnerPathway empty(String tenant, String learner) {
        return new LearnerPathway(tenant, learner);
    }

    @SuppressWarnings("unchecked")
    static LearnerPathway from(Document stored) {
        LearnerPathway pathway = new LearnerPathway(stored.getString("tenant"), stored.getString("learner"));
        for (Document enrolment : stored.getList("enrolments", Document.class, List.of())) {
            pathway.enrolments.put(enrolment.getString("enrolmentId"), new Document(enrolment));
        }
        stored.getList("recent", Document.class, List.of()).forEach(a -> pathway.recent.add(new Document(a)));
        Document offsets = stored.get("applied", Document.class);
        if (offsets != null) {
            offsets.forEach((partition, offset) -> pathway.applied.put(partition, ((Number) offset).longValue()));
        }
        return pathway;
    }

    /** Whether the event at this position was applied already. */
    boolean hasApplied(String partition, long offset) {
        Long last = applied.get(partition);
        return last != null && offset <= last;
    }

    /** Applies an event, and records its position. @return whether anything changed */
    boolean apply(LearnstackEvent event, String partition, long offset) {
        applied.merge(partition, offset, Math::max);
        if (event instanceof LearnerEnrolled enrolled) {
            return enrolled(enrolled);
        }
        if (event instanceof LearnerReEnrolled reEnrolled) {
            return reEnrolled(reEnrolled);
        }
        if (event instanceof EnrolmentWithdrawn withdrawn) {
            return ended(withdrawn.enrolmentId(), WITHDRAWN, withdrawn.withdrawn(), null, withdrawn.reason());
        }
        if (event instanceof EnrolmentCompleted completed) {
            return ended(completed.enrolmentId(), COMPLETED, completed.completed(), completed.success(), null);
        }
        if (event instanceof LearningActivityRecorded activity) {
            return active(activity.statementId(), activity.activityId(), activity.registration(), activity.timestamp());
        }
        if (event instanceof AssessmentSubmitted assessment) {
            return active(assessment.statementId(), assessment.activityId(), assessment.registration(),
                    assessment.timestamp());
        }
        if (event instanceof StatementVoided voided) {
            return recent.removeIf(a -> voided.statementId().equals(a.getString("statementId")));
        }
        return false;
    }

    private boolean enrolled(LearnerEnrolled event) {
        if (enrolments.containsKey(event.enrolmentId())) {
            return false;
        }
        String cohort = event.cohort() != null ? event.cohort()
                : YearMonth.from(event.enrolled().atOffset(ZoneOffset.UTC)).toString();
        enrolments.put(event.enrolmentId(), new Document("enrolmentId", event.enrolmentId())
                .append("course", event.courseId())
                .append("offering", event.offeringId())
                .append("cohort", cohort)
                .append("enrolled", Date.from(event.enrolled()))
                .append("ended", null)
                .append("outcome", null)
                .append("success", null)
                .append("reason", null)
                .append("previous", null)
                .append("reEnrolledBy", null));
        return true;
    }

    private boolean reEnrolled(LearnerReEnrolled event) {
        Document enrolment = enrolments.get(event.enrolmentId());
        if (enrolment == null || event.previousEnrolmentId().equals(enrolment.getString("previous"))) {
            return false;
        }
        enrolment.put("previous", event.previousEnrolmentId());
        Document previous = enrolments.get(event.previousEnrolmentId());
        if (previous != null) {
            previous.put("reEnrolledBy", event.enrolmentId());
        }
        return true;
    }

    private boolean ended(String enrolmentId, String outcome, Instant at, Boolean success, String reason) {
        Document enrolment = enrolments.get(enrolmentId);
        if (enrolment == null || enrolment.getString("outcome") != null) {
            return false;
        }
        enrolment.put("outcome", outcome);
        enrolment.put("ended", Date.from(at));
        enrolment.put("success", success);
        enrolment.put("reason", reason);
        return true;
    }

    private boolean active(String statementId, String activityId, String registration, Instant at) {
        if (recent.stream().anyMatch(a -> statementId.equals(a.getString("statementId")))) {
            return false;
        }
        String key = registration == null ? NO_REGISTRATION : registration;
        recent.add(new Document("registration", key).append("activity", activityId).append("at", Date.from(at))
                .append("statementId", statementId));
        recent.sort(Comparator.comparing((Document a) -> a.getDate("at")).thenComparing(a -> a.getString("statementId")));
        List<Document> sameRegistration = recent.stream().filter(a -> key.equals(a.getString("registration"))).toList();
        if (sameRegistration.size() > RECENT_PER_REGISTRATION) {
            recent.remove(sameRegistration.get(0));
        }
        while (recent.size() > RECENT_IN_ALL) {
            recent.remove(0);
        }
        return true;
    }

    boolean hasEnrolments() {
        return !enrolments.isEmpty();
    }

    /**
     * The learner's enrolments in the order they began, each with where a withdrawn learner stopped:
     * the last activity of the enrolment's registration before the withdrawal, else the learner's last
     * activity without a registration between enrolling and withdrawing.
     */
    List<Document> steps() {
        List<Document> steps = new ArrayList<>();
        enrolments.values().stream()
                .sorted(Comparator.comparing((Document e) -> e.getDate("enrolled"))
                        .thenComparing(e -> e.getString("enrolmentId")))
                .forEach(e -> steps.add(new Document(e).append("dropOff", dropOff(e).orElse(null))));
        return steps;
    }

    private Optional<String> dropOff(Document enrolment) {
        if (!WITHDRAWN.equals(enrolment.getString("outcome"))) {
            return Optional.empty();
        }
        Date ended = enrolment.getDate("ended");
        Date enrolled = enrolment.getDate("enrolled");
        Optional<Document> inRegistration = lastBefore(enrolment.getString("enrolmentId"), null, ended);
        return inRegistration.or(() -> lastBefore(NO_REGISTRATION, enrolled, ended))
                .map(a -> a.getString("activity"));
    }

    private Optional<Document> lastBefore(String registration, Date from, Date to) {
        Document last = null;
        for (Document activity : recent) {
            Date at = activity.getDate("at");
            if (registration.equals(activity.getString("registration")) && !at.after(to)
                    && (from == null || !at.before(from))) {
                last = activity;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The learner's entry in the tenant's bucket: what every table is computed from. */
    Document contribution() {
        return new Document("learner", learner).append("steps", steps());
    }

    Document toDocument() {
        Document offsets = new Document();
        applied.forEach(offsets::append);
        return new Document("_id", AnalyticsKeys.learner(tenant, learner))
                .append("tenant", tenant)
                .append("learner", learner)
                .append("enrolments", new ArrayList<>(enrolments.values()))
                .append("recent", recent)
                .append("applied", offsets);
    }
}
