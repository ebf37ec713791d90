package io.learnstack.projector.eligibility;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.Requirement;

/** Requirements, definitions and times the eligibility tests share. */
final class EligibilityFixtures {

    static final String TENANT = "northside-rto";
    static final String ADA = "mbox:mailto:ada@example.org";
    static final String GRACE = "mbox:mailto:grace@example.org";
    static final String UNIT_A = "https://rto.example/units/HLTAID009";
    static final String UNIT_B = "https://rto.example/units/HLTAID010";
    static final String UNIT_C = "https://rto.example/units/HLTAID011";
    static final String QUIZ = "https://rto.example/assessments/cpr";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private EligibilityFixtures() {
    }

    static Instant day(int days) {
        return T0.plusSeconds(86_400L * days);
    }

    static Requirement completed(String activityId) {
        return new Requirement.ActivityCompleted(activityId);
    }

    static Requirement passed(String activityId, Double min) {
        return new Requirement.AssessmentPassed(activityId, min);
    }

    static Requirement held(String credentialId) {
        return new Requirement.CredentialHeld(credentialId);
    }

    static Requirement allOf(Requirement... of) {
        return new Requirement.AllOf(List.of(of));
    }

    static Requirement anyOf(Requirement... of) {
        return new Requirement.AnyOf(List.of(of));
    }

    static Requirement atLeast(int count, Requirement... of) {
        return new Requirement.AtLeast(count, List.of(of));
    }

    static Requirement within(String window, Requirement requirement) {
        return new Requirement.Within(Period.parse(window), requirement);
    }

    static CredentialDefinition definition(String id, int revision, Requirement requirement) {
        return definition(id, revision, requirement, null, CredentialDefinition.IssuancePolicy.AUTOMATIC);
    }

    static CredentialDefinition definition(String id, int revision, Requirement requirement, String validity,
            CredentialDefinition.IssuancePolicy issuance) {
        return new CredentialDefinition(id, revision, "Credential " + id, "what " + id + " certifies", null, "unit",
                requirement, validity == null ? null : Period.parse(validity), issuance);
    }

    static Evidence.Completion completion(String statementId, String activityId, Instant at) {
        return new Evidence.Completion(statementId, activityId, at);
    }

    static Evidence.Pass pass(String statementId, String activityId, Double scaled, Boolean success, Instant at) {
        return new Evidence.Pass(statementId, activityId, scaled, success, at);
    }

    static Evidence.Award award(String awardId, String credentialId, Instant validFrom) {
        return new Evidence.Award(awardId, credentialId, validFrom, validFrom, null, null, null);
    }
}
