package io.learnstack.projector.eligibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.StatementVoided;

/**
 * A learner's evidence as kept in the read model, keyed by statement and award id so that an event
 * applied twice, or a voiding that arrives again, changes nothing: every event is merged into state,
 * none is counted.
 */
final class LearnerEvidence {

    private final Map<String, Evidence.Completion> completions = new LinkedHashMap<>();
    private final Map<String, Evidence.Pass> passes = new LinkedHashMap<>();
    private final Set<String> voided = new LinkedHashSet<>();
    private final Map<String, Evidence.Award> awards = new LinkedHashMap<>();

    /** Whether the event is one eligibility takes evidence from. */
    static boolean relevant(LearnstackEvent event) {
        return event instanceof CompletionRecorded || event instanceof AssessmentSubmitted
                || event instanceof StatementVoided || event instanceof CredentialIssued
                || event instanceof CredentialRevoked || event instanceof CredentialExpired;
    }

    /** Merges an event into the evidence. */
    void apply(LearnstackEvent event) {
        if (event instanceof CompletionRecorded completion) {
            completions.put(completion.statementId(), new Evidence.Completion(completion.statementId(),
                    completion.activityId(), completion.timestamp()));
        } else if (event instanceof AssessmentSubmitted assessment) {
            passes.put(assessment.statementId(), new Evidence.Pass(assessment.statementId(), assessment.activityId(),
                    assessment.scaledScore(), assessment.success(), assessment.timestamp()));
        } else if (event instanceof StatementVoided voiding) {
            voided.add(voiding.statementId());
        } else if (event instanceof CredentialIssued issued) {
            Evidence.Award known = awards.get(issued.awardId());
            awards.put(issued.awardId(), new Evidence.Award(issued.awardId(), issued.credentialId(), issued.eligibleAt(),
                    issued.validFrom(), issued.validUntil(), known == null ? null : known.revoked(),
                    known == null ? null : known.expired()));
        } else if (event instanceof CredentialRevoked revoked) {
            Evidence.Award known = award(revoked.awardId(), revoked.credentialId());
            awards.put(known.awardId(), new Evidence.Award(known.awardId(), known.credentialId(), known.eligibleAt(),
                    known.validFrom(), known.validUntil(), revoked.revoked(), known.expired()));
        } else if (event instanceof CredentialExpired expired) {
            Evidence.Award known = award(expired.awardId(), expired.credentialId());
            awards.put(known.awardId(), new Evidence.Award(known.awardId(), known.credentialId(), known.eligibleAt(),
                    known.validFrom(), known.validUntil(), known.revoked(), expired.expired()));
        }
    }

    private Evidence.Award award(String awardId, String credentialId) {
        return awards.getOrDefault(awardId, new Evidence.Award(awardId, credentialId, null, null, null, null, null));
    }

    /** The evidence requirements count: voided statements left out. */
    Evidence evidence() {
        return new Evidence(
                completions.values().stream().filter(c -> !voided.contains(c.statementId())).toList(),
                passes.values().stream().filter(p -> !voided.contains(p.statementId())).toList(),
                List.copyOf(awards.values()));
    }

    /** The evidence fields of the learner's read-model document. Times are kept as ISO text, exactly. */
    Document toDocument() {
        return new Document("completions", list(completions.values(), c -> new Document("statementId", c.statementId())
                        .append("activityId", c.activityId()).append("at", text(c.at()))))
                .append("passes", list(passes.values(), p -> new Document("statementId", p.statementId())
                        .append("activityId", p.activityId()).append("scaled", p.scaled())
                        .append("success", p.success()).append("at", text(p.at()))))
                .append("voided", new ArrayList<>(voided))
                .append("awards", list(awards.values(), a -> new Document("awardId", a.awardId())
                        .append("credentialId", a.credentialId()).append("eligibleAt", text(a.eligibleAt()))
                        .append("validFrom", text(a.validFrom())).append("validUntil", text(a.validUntil()))
                        .append("revoked", text(a.revoked())).append("expired", text(a.expired()))));
    }

    /** Reads the evidence fields of a learner's document; {@code null} gives no evidence. */
    static LearnerEvidence fromDocument(Document document) {
        LearnerEvidence evidence = new LearnerEvidence();
        if (document == null) {
            return evidence;
        }
        for (Document c : document.getList("completions", Document.class, List.of())) {
            evidence.completions.put(c.getString("statementId"), new Evidence.Completion(c.getString("statementId"),
                    c.getString("activityId"), instant(c.getString("at"))));
        }
        for (Document p : document.getList("passes", Document.class, List.of())) {
            evidence.passes.put(p.getString("statementId"), new Evidence.Pass(p.getString("statementId"),
                    p.getString("activityId"), p.getDouble("scaled"), p.getBoolean("success"),
                    instant(p.getString("at"))));
        }
        evidence.voided.addAll(document.getList("voided", String.class, List.of()));
        for (Document a : document.getList("awards", Document.class, List.of())) {
            evidence.awards.put(a.getString("awardId"), award(a));
        }
        return evidence;
    }

    static Evidence.Award award(Document a) {
        return new Evidence.Award(a.getString("awardId"), a.getString("credentialId"),
                instant(a.getString("eligibleAt")), instant(a.getString("validFrom")), instant(a.getString("validUntil")),
                instant(a.getString("revoked")), instant(a.getString("expired")));
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static <T> List<Document> list(Collection<T> values, java.util.function.Function<T, Document> toDocument) {
        return values.stream().map(toDocument).toList();
    }
}
