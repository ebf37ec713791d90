package io.learnstack.command.statements;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.StatementFingerprint;
import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.LearningActivityRecorded;
import io.learnstack.events.StatementRecorded;
import io.learnstack.events.StatementVoided;

class StatementAggregateTest {

    private static final String ID = "1f3c3f5e-6d55-4a4e-9d43-6f4b3f9a0c01";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String ASSESSMENT = "https://rto.example/units/HLTAID011/assessment";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final Instant WHEN = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant STORED = Instant.parse("2026-11-24T09:00:02.500Z");

    private FixtureConfiguration<StatementAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StatementAggregate.class);
    }

    @Test
    void aNewStatementIsRecordedWithWhatItMeansForTheLearner() throws Exception {
        RecordStatement command = record(statementJson(0.9), new Classification(Classification.Kind.ASSESSMENT,
                ASSESSMENT, 0.9, 45.0, true));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(command),
                        new AssessmentSubmitted("demo", ID, ADA, ASSESSMENT, PASSED, null, 0.9, 45.0, true, WHEN));
    }

    @Test
    void aCompletionAndOtherActivityGetTheirOwnEvents() throws Exception {
        RecordStatement completion = record(statementJson(0.9), new Classification(Classification.Kind.COMPLETION,
                ASSESSMENT, null, null, null));
        fixture.givenNoPriorActivity().when(completion)
                .expectEvents(recorded(completion), new CompletionRecorded("demo", ID, ADA, ASSESSMENT, null, null, WHEN));

        RecordStatement activity = record(statementJson(0.9), new Classification(Classification.Kind.ACTIVITY,
                ASSESSMENT, null, null, null));
        new AggregateTestFixture<>(StatementAggregate.class).givenNoPriorActivity().when(activity)
                .expectEvents(recorded(activity),
                        new LearningActivityRecorded("demo", ID, ADA, ASSESSMENT, PASSED, null, WHEN));
    }

    @Test
    void aStatementAboutNoActivityIsRecordedAlone() throws Exception {
        RecordStatement command = record(statementJson(0.9), Classification.none());

        fixture.givenNoPriorActivity().when(command).expectEvents(recorded(command));
    }

    @Nested
    class GivenTheIdIsTaken {

        @Test
        void theSameStatementAgainIsAcceptedWithoutASecondEvent() throws Exception {
            RecordStatement command = record(statementJson(0.9), Classification.none());

            fixture.given(recorded(command))
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void otherContentUnderTheSameIdIsAConflict() throws Exception {
            RecordStatement first = record(statementJson(0.9), Classification.none());
            RecordStatement other = record(statementJson(0.4), Classification.none());

            fixture.given(recorded(first))
                    .when(other)
                    .expectException(StatementConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Voiding {

        private final VoidStatement voidIt = new VoidStatement(RecordStatement.aggregateIdOf("demo", ID),
                "9a1c3f5e-6d55-4a4e-9d43-6f4b3f9a0c02", STORED.plusSeconds(60));

        @Test
        void aStoredStatementIsVoided() throws Exception {
            fixture.given(recorded(record(statementJson(0.9), Classification.none())))
                    .when(voidIt)
                    .expectEvents(new StatementVoided("demo", ID, ADA, voidIt.voidingStatementId(), voidIt.voidedAt()));
        }

        @Test
        void voidingItAgainChangesNothing() throws Exception {
            fixture.given(recorded(record(statementJson(0.9), Classification.none())),
                            new StatementVoided("demo", ID, ADA, voidIt.voidingStatementId(), voidIt.voidedAt()))
                    .when(voidIt)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aVoidingStatementCannotBeVoided() {
            fixture.given(new StatementRecorded("demo", ID, ADA, StatementAggregate.VOIDED, "StatementRef",
                            "0f0f0f0f-0000-4000-8000-000000000000", null, WHEN, STORED, statementJson(0.9)))
                    .when(voidIt)
                    .expectException(InvalidStatementException.class)
                    .expectNoEvents();
        }
    }

    private static String statementJson(double scaled) {
        return """
                {"id":"%s","actor":{"objectType":"Agent","mbox":"mailto:ada@example.org"},
                 "verb":{"id":"%s"},"object":{"objectType":"Activity","id":"%s"},
                 "result":{"score":{"scaled":%s}},"timestamp":"2026-11-24T09:00:00Z",
                 "stored":"2026-11-24T09:00:02.500Z","version":"1.0.0",
                 "authority":{"objectType":"Agent","account":{"homePage":"http://127.0.0.1:8080","name":"demo"}}}
                """.formatted(ID, PASSED, ASSESSMENT, scaled);
    }

    private static RecordStatement record(String json, Classification classification) throws Exception {
        return new RecordStatement(RecordStatement.aggregateIdOf("demo", ID), "demo", ID,
                StatementFingerprint.of(new ObjectMapper().readTree(json)), ADA, PASSED, "Activity", ASSESSMENT, null,
                WHEN, STORED, json, classification);
    }

    private static StatementRecorded recorded(RecordStatement command) {
        return new StatementRecorded("demo", ID, ADA, PASSED, "Activity", ASSESSMENT, null, WHEN, STORED,
                command.statement());
    }
}
