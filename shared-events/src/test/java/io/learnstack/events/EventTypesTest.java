package io.learnstack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EventTypesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventOfTheFamilyHasAWireNameThatMapsBackToItsClass() {
        for (Class<?> permitted : concreteEvents(LearnstackEvent.class)) {
            String name = Arrays.stream(new String[] {"StatementRecorded", "StatementVoided", "LearningActivityRecorded",
                    "AssessmentSubmitted", "CompletionRecorded", "DocumentStored", "DocumentDeleted",
                    "AttachmentStored", "CredentialDefined", "CredentialRevised", "CredentialRetired",
                    "CredentialIssued", "CredentialRevoked", "CredentialExpired", "IssuerKeyPublished",
                    "LearnerEnrolled", "LearnerReEnrolled", "EnrolmentWithdrawn", "EnrolmentCompleted",
                    "ClientKeyIssued", "ClientKeySecretRotated", "ClientKeyRevoked"})
                    .filter(candidate -> EventTypes.classOf(candidate).orElseThrow() == permitted)
                    .findFirst().orElse(null);
            assertThat(name).as("wire name of %s", permitted.getSimpleName()).isNotNull();
            assertThat(EventTypes.nameOf(permitted)).isEqualTo(name);
        }
        assertThat(EventTypes.classOf("NoSuchEvent")).isEmpty();
        assertThat(EventTypes.nameOf(String.class)).isNull();
    }

    @Test
    void aDocumentsEventsFollowItsScopeOnTheBus() throws Exception {
        DocumentAddress state = new DocumentAddress(DocumentKind.STATE, "https://rto.example/units/HLTAID011",
                "mbox:mailto:ada@example.org", null, "bookmark");
        DocumentEvent stored = new DocumentStored("demo", state, "application/json", "{\"page\":3}".getBytes(),
                "\"abc\"", Instant.parse("2026-11-24T09:00:00Z"));
        DocumentEvent deleted = new DocumentDeleted("demo", state.withDocumentId("other"),
                Instant.parse("2026-11-24T09:01:00Z"));
        DocumentEvent profile = new DocumentDeleted("demo", new DocumentAddress(DocumentKind.ACTIVITY_PROFILE,
                "https://rto.example/units/HLTAID011", null, null, "p"), Instant.parse("2026-11-24T09:01:00Z"));

        DocumentStored back = (DocumentStored) json.readValue(json.writeValueAsBytes(stored),
                EventTypes.classOf(EventTypes.nameOf(stored)).orElseThrow());

        assertThat(back.address()).isEqualTo(state);
        assertThat(new String(back.content())).isEqualTo("{\"page\":3}");
        assertThat(stored.partitionKey()).isEqualTo(deleted.partitionKey())
                .isEqualTo("demo|mbox:mailto:ada@example.org");
        assertThat(profile.partitionKey()).isEqualTo("demo|activity:https://rto.example/units/HLTAID011");
    }

    @Test
    void aDefinitionsRequirementTreeSurvivesTheWireWithItsKinds() throws Exception {
        Requirement tree = new Requirement.AllOf(List.of(
                new Requirement.ActivityCompleted("https://rto.example/units/HLTAID009"),
                new Requirement.AssessmentPassed("https://rto.example/assessments/cpr", 0.8),
                new Requirement.Within(java.time.Period.ofMonths(24), new Requirement.AtLeast(1, List.of(
                        new Requirement.CredentialHeld("infection-control"),
                        new Requirement.AnyOf(List.of(new Requirement.ActivityCompleted("x"))))))));
        CredentialDefined defined = new CredentialDefined("demo", new CredentialDefinition("first-aid", 1,
                "First aid", "Provide first aid", null, "skill set", tree, java.time.Period.ofYears(3),
                CredentialDefinition.IssuancePolicy.AUTOMATIC), Instant.parse("2026-11-24T09:00:00Z"));

        String text = json.writeValueAsString(defined);
        CredentialDefined back = json.readValue(text, CredentialDefined.class);

        assertThat(back).isEqualTo(defined);
        assertThat(text).contains("\"type\":\"allOf\"", "\"type\":\"within\"", "\"window\":\"P24M\"");
        assertThat(defined.partitionKey()).isEqualTo("demo|catalogue");
    }

    private static List<Class<?>> concreteEvents(Class<?> family) {
        List<Class<?>> concrete = new ArrayList<>();
        for (Class<?> permitted : family.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                concrete.addAll(concreteEvents(permitted));
            } else {
                concrete.add(permitted);
            }
        }
        return concrete;
    }

    @Test
    void anEventSurvivesAJsonRoundTripUnderItsWireName() throws Exception {
        LearnerEvent event = new AssessmentSubmitted("demo", "b1d1c7a2-0000-4000-8000-000000000001",
                "mbox:mailto:ada@example.org", "https://rto.example/units/HLTAID011/assessment",
                "http://adlnet.gov/expapi/verbs/passed", null, 0.85, 17.0, true,
                Instant.parse("2026-11-24T09:00:00Z"));

        String name = EventTypes.nameOf(event);
        byte[] wire = json.writeValueAsBytes(event);
        LearnstackEvent back = json.readValue(wire, EventTypes.classOf(name).orElseThrow());

        assertThat(name).isEqualTo("AssessmentSubmitted");
        assertThat(back).isEqualTo(event);
        assertThat(back.partitionKey()).isEqualTo("demo|mbox:mailto:ada@example.org");
    }
}
