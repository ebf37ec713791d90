package io.learnstack.projector.eligibility;

import java.time.Period;

import org.bson.Document;

import io.learnstack.events.Requirement;

/**
 * One thing a learner has or has not done towards a credential, as shown to analysts: a requirement
 * leaf, or a time window whose parts are all met but not within one span.
 *
 * @param type           the requirement type, as in the requirement JSON
 * @param id             the activity's IRI or the credential's id; {@code null} for a window
 * @param minScaledScore the lowest scaled score an assessment needs, or {@code null}
 * @param window         the window's length, for a window only
 */
record Leaf(String type, String id, Double minScaledScore, Period window) {

    static Leaf of(Requirement requirement) {
        if (requirement instanceof Requirement.ActivityCompleted completed) {
            return new Leaf("activityCompleted", completed.activityId(), null, null);
        }
        if (requirement instanceof Requirement.AssessmentPassed passed) {
            return new Leaf("assessmentPassed", passed.activityId(), passed.minScaledScore(), null);
        }
        if (requirement instanceof Requirement.CredentialHeld held) {
            return new Leaf("credentialHeld", held.credentialId(), null, null);
        }
        if (requirement instanceof Requirement.Within within) {
            return new Leaf("within", null, null, within.window());
        }
        throw new IllegalArgumentException("not a leaf: " + requirement);
    }

    /** The leaf in the requirement JSON's own field names. */
    Document toDocument() {
        Document document = new Document("type", type);
        if ("credentialHeld".equals(type)) {
            document.append("credentialId", id);
        } else if ("within".equals(type)) {
            document.append("window", window.toString());
        } else {
            document.append("activityId", id);
        }
        if (minScaledScore != null) {
            document.append("minScaledScore", minScaledScore);
        }
        return document;
    }
}
