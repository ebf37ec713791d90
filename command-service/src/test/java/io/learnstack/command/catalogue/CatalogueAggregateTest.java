package io.learnstack.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.learnstack.command.catalogue.CatalogueRefusedException.Reason;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.CredentialRetired;
import io.learnstack.events.CredentialRevised;
import io.learnstack.events.Requirement;

class CatalogueAggregateTest {

    private static final String TENANT = "demo";
    private static final String CPR = "https://rto.example/units/HLTAID009";
    private static final String FIRST_AID = "https://rto.example/units/HLTAID011";
    private static final Instant EARLIER = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:05:00.250Z");

    private FixtureConfiguration<CatalogueAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogueAggregate.class);
    }

    @Nested
    class Define {

        @Test
        void aNewCredentialIsDefinedAsRevisionOne() {
            CredentialDraft draft = draft("first-aid", completed(FIRST_AID));

            fixture.givenNoPriorActivity()
                    .when(new DefineCredential(TENANT, draft, NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1)
                    .expectEvents(new CredentialDefined(TENANT, draft.definition(1), NOW));
        }

        @Test
        void aCredentialCanStackOnAnotherOne() {
            CredentialDraft draft = draft("first-aid-plus", new Requirement.AllOf(List.of(
                    held("cpr"), completed(FIRST_AID))));

            fixture.given(defined("cpr", completed(CPR)))
                    .when(new DefineCredential(TENANT, draft, NOW))
                    .expectEvents(new CredentialDefined(TENANT, draft.definition(1), NOW));
        }

        @Test
        void anExistingIdIsAConflict() {
            fixture.given(defined("cpr", completed(CPR)))
                    .when(new DefineCredential(TENANT, draft("cpr", completed(FIRST_AID)), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.EXISTS, "exists"));
        }

        @Test
        void aRetiredIdIsNeverReused() {
            fixture.given(defined("cpr", completed(CPR)), new CredentialRetired(TENANT, "cpr", EARLIER))
                    .when(new DefineCredential(TENANT, draft("cpr", completed(CPR)), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.EXISTS, "never reused"));
        }

        @Test
        void anUnknownStackedCredentialIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new DefineCredential(TENANT, draft("advanced", held("basic")), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.INVALID, "credential 'basic'"));
        }

        @Test
        void aRetiredStackedCredentialIsRefused() {
            fixture.given(defined("basic", completed(CPR)), new CredentialRetired(TENANT, "basic", EARLIER))
                    .when(new DefineCredential(TENANT, draft("advanced", held("basic")), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.INVALID, "retired"));
        }

        @Test
        void aCredentialRequiringItselfIsACycle() {
            fixture.givenNoPriorActivity()
                    .when(new DefineCredential(TENANT, draft("loop", new Requirement.AnyOf(List.of(
                            completed(CPR), held("loop")))), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.INVALID, "loop -> loop"));
        }
    }

    @Nested
    class Revise {

        @Test
        void eachRevisionNumbersOneMore() {
            CredentialDraft third = draft("cpr", new Requirement.Within(Period.ofMonths(12), completed(CPR)));

            fixture.given(defined("cpr", completed(CPR)),
                            new CredentialRevised(TENANT, draft("cpr", completed(FIRST_AID)).definition(2), EARLIER))
                    .when(new ReviseCredential(TENANT, third, NOW))
                    .expectResultMessagePayload(3)
                    .expectEvents(new CredentialRevised(TENANT, third.definition(3), NOW));
        }

        @Test
        void theSameDefinitionAgainRecordsNothing() {
            fixture.given(defined("cpr", completed(CPR)))
                    .when(new ReviseCredential(TENANT, draft("cpr", completed(CPR)), NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1)
                    .expectNoEvents();
        }

        @Test
        void anUnknownCredentialIsNotFound() {
            fixture.given(defined("cpr", completed(CPR)))
                    .when(new ReviseCredential(TENANT, draft("nothing", completed(CPR)), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.UNKNOWN, "no credential 'nothing'"));
        }

        @Test
        void aRetiredCredentialCannotBeRevised() {
            fixture.given(defined("cpr", completed(CPR)), new CredentialRetired(TENANT, "cpr", EARLIER))
                    .when(new ReviseCredential(TENANT, draft("cpr", completed(FIRST_AID)), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.RETIRED, "retired"));
        }

        @Test
        void aRevisionClosingATwoStepCycleIsRefusedAndNamesIt() {
            fixture.given(defined("a", completed(CPR)), defined("b", held("a")))
                    .when(new ReviseCredential(TENANT, draft("a", held("b")), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.INVALID, "a -> b -> a"));
        }

        @Test
        void aRevisionClosingAThreeLevelCycleIsRefusedAndNamesIt() {
            fixture.given(defined("unit", completed(CPR)),
                            defined("skill-set", new Requirement.AllOf(List.of(held("unit"), completed(FIRST_AID)))),
                            defined("qualification", new Requirement.AtLeast(1, List.of(held("skill-set"),
                                    completed(FIRST_AID)))))
                    .when(new ReviseCredential(TENANT, draft("unit", new Requirement.Within(Period.ofYears(2),
                            new Requirement.AnyOf(List.of(completed(CPR), held("qualification"))))), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.INVALID, "unit -> qualification -> skill-set -> unit"));
        }

        @Test
        void stackingTwiceOnTheSameCredentialIsNoCycle() {
            CredentialDraft diamond = draft("top", new Requirement.AllOf(List.of(held("left"), held("right"))));

            fixture.given(defined("base", completed(CPR)), defined("left", held("base")), defined("right", held("base")),
                            defined("top", completed(FIRST_AID)))
                    .when(new ReviseCredential(TENANT, diamond, NOW))
                    .expectEvents(new CredentialRevised(TENANT, diamond.definition(2), NOW));
        }
    }

    @Nested
    class Retire {

        @Test
        void aCredentialIsRetired() {
            fixture.given(defined("cpr", completed(CPR)))
                    .when(new RetireCredential(TENANT, "cpr", NOW))
                    .expectEvents(new CredentialRetired(TENANT, "cpr", NOW));
        }

        @Test
        void retiringAgainRecordsNothing() {
            fixture.given(defined("cpr", completed(CPR)), new CredentialRetired(TENANT, "cpr", EARLIER))
                    .when(new RetireCredential(TENANT, "cpr", NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnknownCredentialIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new RetireCredential(TENANT, "cpr", NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.UNKNOWN, "no credential 'cpr'"));
        }
    }

    @Nested
    class MalformedDefinitions {

        @Test
        void anEmptyAllOfIsRefused() {
            refusedAsInvalid(draft("x", new Requirement.AllOf(List.of())), "requirement (allOf) needs at least one");
        }

        @Test
        void anEmptyAnyOfDeepInTheTreeIsNamedByItsPath() {
            refusedAsInvalid(draft("x", new Requirement.AllOf(List.of(completed(CPR),
                    new Requirement.AnyOf(List.of())))), "requirement.of[1] (anyOf)");
        }

        @Test
        void atLeastMoreThanThereAreIsRefused() {
            refusedAsInvalid(draft("x", new Requirement.AtLeast(3, List.of(completed(CPR), completed(FIRST_AID)))),
                    "requirement.count must be between 1 and 2");
        }

        @Test
        void atLeastZeroIsRefused() {
            refusedAsInvalid(draft("x", new Requirement.AtLeast(0, List.of(completed(CPR)))),
                    "requirement.count must be between 1 and 1");
        }

        @Test
        void aWindowMustBePositive() {
            refusedAsInvalid(draft("x", new Requirement.Within(Period.ZERO, completed(CPR))),
                    "requirement.window must be a positive period");
            refusedAsInvalid(draft("x", new Requirement.Within(Period.ofMonths(-3), completed(CPR))),
                    "requirement.window must be a positive period");
        }

        @Test
        void aMinimumScaledScoreOutsideMinusOneToOneIsRefused() {
            refusedAsInvalid(draft("x", new Requirement.AssessmentPassed(CPR, 1.5)),
                    "requirement.minScaledScore must be between -1 and 1");
        }

        @Test
        void anActivityIdMustBeAnIri() {
            refusedAsInvalid(draft("x", completed("HLTAID011")), "requirement.activityId must be");
        }

        @Test
        void anIdWithASlashIsRefused() {
            refusedAsInvalid(draft("first/aid", completed(CPR)), "id must be 1 to 64 letters");
        }

        @Test
        void aNameIsRequired() {
            CredentialDraft unnamed = new CredentialDraft("x", " ", null, null, null, completed(CPR), null,
                    IssuancePolicy.AUTOMATIC);

            refusedAsInvalid(unnamed, "name must not be empty");
        }

        @Test
        void aValidityMustBePositive() {
            CredentialDraft draft = new CredentialDraft("x", "X", null, null, null, completed(CPR), Period.ZERO,
                    IssuancePolicy.AUTOMATIC);

            refusedAsInvalid(draft, "validity must be a positive period");
        }

        private void refusedAsInvalid(CredentialDraft draft, String message) {
            fixture.givenNoPriorActivity()
                    .when(new DefineCredential(TENANT, draft, NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.INVALID, message));
        }
    }

    @Test
    void theStateAnsweredForLookupsFollowsTheHistory() {
        CatalogueAggregate catalogue = new CatalogueAggregate();
        catalogue.fold(defined("cpr", completed(CPR)));
        catalogue.fold(new CredentialRevised(TENANT, draft("cpr", completed(FIRST_AID)).definition(2), NOW));
        catalogue.fold(defined("first-aid", completed(FIRST_AID)));
        catalogue.fold(new CredentialRetired(TENANT, "first-aid", NOW));

        assertThat(catalogue.entry("cpr")).hasValueSatisfying(entry -> {
            assertThat(entry.retired()).isFalse();
            assertThat(entry.definition().revision()).isEqualTo(2);
            assertThat(entry.definition().requirement()).isEqualTo(completed(FIRST_AID));
        });
        assertThat(catalogue.entry("first-aid")).hasValueSatisfying(entry -> assertThat(entry.retired()).isTrue());
        assertThat(catalogue.entry("nothing")).isEmpty();
        assertThat(catalogue.entry(null)).isEmpty();
    }

    private static org.hamcrest.Matcher<CatalogueRefusedException> refused(Reason reason, String message) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("refused for " + reason + " saying '" + message + "'") {
            @Override
            protected boolean matchesSafely(CatalogueRefusedException item) {
                return item.reason() == reason && item.getMessage().contains(message);
            }
        };
    }

    static CredentialDraft draft(String id, Requirement requirement) {
        return new CredentialDraft(id, "Credential " + id, "What " + id + " certifies",
                "https://rto.example/badges/" + id + ".png", "skill set", requirement, Period.ofYears(3),
                IssuancePolicy.AUTOMATIC);
    }

    private static CredentialDefined defined(String id, Requirement requirement) {
        return new CredentialDefined(TENANT, draft(id, requirement).definition(1), EARLIER);
    }

    private static Requirement completed(String activityId) {
        return new Requirement.ActivityCompleted(activityId);
    }

    private static Requirement held(String credentialId) {
        return new Requirement.CredentialHeld(credentialId);
    }
}
