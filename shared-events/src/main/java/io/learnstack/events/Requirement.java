package io.learnstack.events;

import java.time.Period;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a learner must have done to earn a credential: a tree of all-of, any-of and n-of-m over
 * completions, passed assessments, other credentials held, and time windows.
 * <p>
 * In JSON each node names its kind in {@code "type"}, e.g.
 * {@code {"type":"allOf","of":[{"type":"activityCompleted","activityId":"https://rto.example/units/HLTAID009"}]}}.
 *
 * @since 0.3
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Requirement.AllOf.class, name = "allOf"),
        @JsonSubTypes.Type(value = Requirement.AnyOf.class, name = "anyOf"),
        @JsonSubTypes.Type(value = Requirement.AtLeast.class, name = "atLeast"),
        @JsonSubTypes.Type(value = Requirement.ActivityCompleted.class, name = "activityCompleted"),
        @JsonSubTypes.Type(value = Requirement.AssessmentPassed.class, name = "assessmentPassed"),
        @JsonSubTypes.Type(value = Requirement.CredentialHeld.class, name = "credentialHeld"),
        @JsonSubTypes.Type(value = Requirement.Within.class, name = "within")})
public sealed interface Requirement {

    /**
     * Every requirement in {@code of} is met.
     *
     * @param of the requirements, at least one
     */
    record AllOf(List<Requirement> of) implements Requirement {
    }

    /**
     * At least one requirement in {@code of} is met.
     *
     * @param of the requirements, at least one
     */
    record AnyOf(List<Requirement> of) implements Requirement {
    }

    /**
     * At least {@code count} of the requirements in {@code of} are met (n of m).
     *
     * @param count how many must be met, 1 to the size of {@code of}
     * @param of    the requirements
     */
    record AtLeast(int count, List<Requirement> of) implements Requirement {
    }

    /**
     * The learner completed the activity (a CompletionRecorded for it).
     *
     * @param activityId the activity's IRI
     */
    record ActivityCompleted(String activityId) implements Requirement {
    }

    /**
     * The learner passed the assessment (an AssessmentSubmitted with success), with at least the given
     * scaled score when one is set.
     *
     * @param activityId     the assessment's IRI
     * @param minScaledScore the lowest {@code result.score.scaled} that counts, or {@code null} for any pass
     */
    record AssessmentPassed(String activityId, Double minScaledScore) implements Requirement {
    }

    /**
     * The learner holds another credential of the same tenant: issued, and neither expired nor revoked.
     * This is how credentials stack.
     *
     * @param credentialId the other credential's id
     */
    record CredentialHeld(String credentialId) implements Requirement {
    }

    /**
     * The inner requirement is met by evidence that all falls within one span of time no longer than
     * {@code window} (for example every unit of a skill set within 24 months).
     *
     * @param window      the longest span, e.g. {@code P24M}
     * @param requirement the requirement the window applies to
     */
    record Within(Period window, Requirement requirement) implements Requirement {
    }
}
