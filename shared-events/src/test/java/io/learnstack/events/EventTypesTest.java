package io.learnstack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EventTypesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventOfTheFamilyHasAWireNameThatMapsBackToItsClass() {
        for (Class<?> permitted : LearnerEvent.class.getPermittedSubclasses()) {
            String name = Arrays.stream(new String[] {"StatementRecorded", "StatementVoided", "LearningActivityRecorded",
                    "AssessmentSubmitted", "CompletionRecorded"})
                    .filter(candidate -> EventTypes.classOf(candidate).orElseThrow() == permitted)
                    .findFirst().orElse(null);
            assertThat(name).as("wire name of %s", permitted.getSimpleName()).isNotNull();
        }
        assertThat(EventTypes.classOf("NoSuchEvent")).isEmpty();
    }

    @Test
    void anEventSurvivesAJsonRoundTripUnderItsWireName() throws Exception {
        LearnerEvent event = new AssessmentSubmitted("demo", "b1d1c7a2-0000-4000-8000-000000000001",
                "mbox:mailto:ada@example.org", "https://rto.example/units/HLTAID011/assessment",
                "http://adlnet.gov/expapi/verbs/passed", null, 0.85, 17.0, true,
                Instant.parse("2026-11-24T09:00:00Z"));

        String name = EventTypes.nameOf(event);
        byte[] wire = json.writeValueAsBytes(event);
        LearnerEvent back = json.readValue(wire, EventTypes.classOf(name).orElseThrow());

        assertThat(name).isEqualTo("AssessmentSubmitted");
        assertThat(back).isEqualTo(event);
        assertThat(back.partitionKey()).isEqualTo("demo|mbox:mailto:ada@example.org");
    }
}
