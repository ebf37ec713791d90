package io.learnstack.command.enrolments;

import java.time.Instant;
import java.time.Period;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.learnstack.events.EnrolmentCompleted;
import io.learnstack.events.EnrolmentWithdrawn;
import io.learnstack.events.LearnerEnrolled;
import io.learnstack.events.LearnerReEnrolled;

class LearnerEnrolmentsAggregateTest {

    private static final String TENANT = "demo";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String AGGREGATE = LearnerEnrolmentsAggregate.aggregateIdOf(TENANT, ADA);
    private static final String FIRST_AID = "https://example.org/courses/first-aid";
    private static final String CPR = "https://example.org/courses/cpr";
    private static final Instant JAN = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T09:00:00Z");
    private static final Period TWELVE_MONTHS = Period.ofMonths(12);

    private FixtureConfiguration<LearnerEnrolmentsAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LearnerEnrolmentsAggregate.class);
    }

    private static EnrolLearner enrol(String id, String course, Instant at) {
        return new EnrolLearner(AGGREGATE, TENANT, ADA, id, course, null, "2026-01", at, null, TWELVE_MONTHS);
    }

    private static LearnerEnrolled enrolled(String id, String course, Instant at) {
        return new LearnerEnrolled(TENANT, id, ADA, course, null, "2026-01", null, at);
    }

    private static EnrolmentCompleted completed(String id, String course, Instant at) {
        return new EnrolmentCompleted(TENANT, id, ADA, course, true, null, at);
    }

    @Nested
    class Enrolling {

        @Test
        void aNewEnrolmentIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(enrol("e1", FIRST_AID, JAN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(enrolled("e1", FIRST_AID, JAN))
                    .expectResultMessagePayload(new Enrolled("e1", false, true, ADA));
        }

        @Test
        void enrollingAgainWithTheSameIdChangesNothing() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(enrol("e1", FIRST_AID, MAR))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Enrolled("e1", false, false, ADA));
        }

        @Test
        void theSameIdForAnotherCourseIsAConflict() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(enrol("e1", CPR, MAR))
                    .expectNoEvents()
                    .expectException(EnrolmentRefusedException.class)
                    .expectExceptionMessage("enrolment e1 exists for another course: " + FIRST_AID);
        }

        @Test
        void aStatementReusingAnIdForAnotherCourseIsLeftOut() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(new EnrolLearner(AGGREGATE, TENANT, ADA, "e1", CPR, null, "2026-03", MAR, "s1",
                            TWELVE_MONTHS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class ReEnrolling {

        @Test
        void anotherCourseWithinTheWindowAfterACompletionIsAReEnrolment() {
            fixture.given(enrolled("e1", FIRST_AID, JAN), completed("e1", FIRST_AID, MAR))
                    .when(enrol("e2", CPR, JUN))
                    .expectEvents(enrolled("e2", CPR, JUN),
                            new LearnerReEnrolled(TENANT, "e2", ADA, CPR, "e1", FIRST_AID, MAR, JUN))
                    .expectResultMessagePayload(new Enrolled("e2", true, true, ADA));
        }

        @Test
        void anotherCourseWithinTheWindowAfterAWithdrawalIsAReEnrolment() {
            fixture.given(enrolled("e1", FIRST_AID, JAN),
                            new EnrolmentWithdrawn(TENANT, "e1", ADA, FIRST_AID, "moved", null, MAR))
                    .when(enrol("e2", CPR, JUN))
                    .expectEvents(enrolled("e2", CPR, JUN),
                            new LearnerReEnrolled(TENANT, "e2", ADA, CPR, "e1", FIRST_AID, MAR, JUN));
        }

        @Test
        void anotherCourseAfterTheWindowIsNotAReEnrolment() {
            Instant fourteenMonthsLater = Instant.parse("2027-05-01T09:00:00Z");
            fixture.given(enrolled("e1", FIRST_AID, JAN), completed("e1", FIRST_AID, MAR))
                    .when(enrol("e2", CPR, fourteenMonthsLater))
                    .expectEvents(enrolled("e2", CPR, fourteenMonthsLater));
        }

        @Test
        void aShorterTenantWindowIsHonoured() {
            fixture.given(enrolled("e1", FIRST_AID, JAN), completed("e1", FIRST_AID, MAR))
                    .when(new EnrolLearner(AGGREGATE, TENANT, ADA, "e2", CPR, null, "2026-06", JUN, null,
                            Period.ofMonths(2)))
                    .expectEvents(new LearnerEnrolled(TENANT, "e2", ADA, CPR, null, "2026-06", null, JUN));
        }

        @Test
        void theSameCourseAgainIsNotAReEnrolment() {
            fixture.given(enrolled("e1", FIRST_AID, JAN), completed("e1", FIRST_AID, MAR))
                    .when(enrol("e2", FIRST_AID, JUN))
                    .expectEvents(enrolled("e2", FIRST_AID, JUN));
        }

        @Test
        void anEnrolmentStillOpenDoesNotMakeAReEnrolment() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(enrol("e2", CPR, JUN))
                    .expectEvents(enrolled("e2", CPR, JUN));
        }
    }

    @Nested
    class Ending {

        @Test
        void anOpenEnrolmentIsWithdrawn() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(new WithdrawEnrolment(AGGREGATE, "e1", "moved", MAR, null))
                    .expectEvents(new EnrolmentWithdrawn(TENANT, "e1", ADA, FIRST_AID, "moved", null, MAR));
        }

        @Test
        void withdrawingTwiceChangesNothing() {
            fixture.given(enrolled("e1", FIRST_AID, JAN),
                            new EnrolmentWithdrawn(TENANT, "e1", ADA, FIRST_AID, "moved", null, MAR))
                    .when(new WithdrawEnrolment(AGGREGATE, "e1", "moved", JUN, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCompletedEnrolmentCannotBeWithdrawn() {
            fixture.given(enrolled("e1", FIRST_AID, JAN), completed("e1", FIRST_AID, MAR))
                    .when(new WithdrawEnrolment(AGGREGATE, "e1", null, JUN, null))
                    .expectException(EnrolmentRefusedException.class);
        }

        @Test
        void anUnknownEnrolmentIsNotFound() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(new CompleteEnrolment(AGGREGATE, "e9", null, true, MAR, null))
                    .expectException(EnrolmentRefusedException.class)
                    .expectExceptionMessage("no enrolment e9");
        }

        @Test
        void anOpenEnrolmentIsCompletedOnce() {
            fixture.given(enrolled("e1", FIRST_AID, JAN))
                    .when(new CompleteEnrolment(AGGREGATE, "e1", null, true, MAR, null))
                    .expectEvents(completed("e1", FIRST_AID, MAR));
            fixture.given(enrolled("e1", FIRST_AID, JAN), completed("e1", FIRST_AID, MAR))
                    .when(new CompleteEnrolment(AGGREGATE, "e1", null, true, JUN, null))
                    .expectNoEvents();
        }

        @Test
        void aCompletionBeforeTheEnrolmentIsRefused() {
            fixture.given(enrolled("e1", FIRST_AID, MAR))
                    .when(new CompleteEnrolment(AGGREGATE, "e1", null, true, JAN, null))
                    .expectException(EnrolmentRefusedException.class);
        }

        @Test
        void aStatementCompletionWithoutRegistrationCompletesTheLatestOpenEnrolmentInTheCourse() {
            fixture.given(enrolled("e1", FIRST_AID, JAN), enrolled("e2", CPR, JAN))
                    .when(new CompleteEnrolment(AGGREGATE, null, CPR, null, MAR, "s9"))
                    .expectEvents(new EnrolmentCompleted(TENANT, "e2", ADA, CPR, null, "s9", MAR));
        }

        @Test
        void aStatementCompletingAWithdrawnEnrolmentIsLeftOut() {
            fixture.given(enrolled("e1", FIRST_AID, JAN),
                            new EnrolmentWithdrawn(TENANT, "e1", ADA, FIRST_AID, null, null, MAR))
                    .when(new CompleteEnrolment(AGGREGATE, "e1", FIRST_AID, true, JUN, "s9"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
