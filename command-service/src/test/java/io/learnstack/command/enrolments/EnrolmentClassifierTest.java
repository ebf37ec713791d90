package io.learnstack.command.enrolments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.enrolments.EnrolmentProperties.StatementMapping;
import io.learnstack.command.enrolments.EnrolmentProperties.TenantSettings;

class EnrolmentClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COURSE = "https://example.org/courses/first-aid";
    private static final String REGISTRATION = "ec531277-b57b-4c15-8d91-d292c5b2b8f7";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final Instant AT = Instant.parse("2026-02-03T10:00:00Z");

    private final EnrolmentClassifier classifier = new EnrolmentClassifier(EnrolmentProperties.defaults());

    private static JsonNode statement(String verb, String object, String context) {
        try {
            return JSON.readTree("""
                    {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                     "actor":{"mbox":"mailto:ada@example.org"},
                     "verb":{"id":"http://adlnet.gov/expapi/verbs/%s"},
                     "object":%s,
                     "context":%s,
                     "timestamp":"2026-02-03T10:00:00.000Z"}""".formatted(verb, object, context));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String course() {
        return "{\"id\":\"" + COURSE + "\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/course\"}}";
    }

    private static String registration() {
        return "{\"registration\":\"" + REGISTRATION.toUpperCase() + "\"}";
    }

    @Test
    void registeredOnACourseEnrolsWithTheRegistrationAsEnrolmentId() {
        List<EnrolmentCommand> commands = classifier.classify("demo", statement("registered", course(), registration()));

        assertThat(commands).containsExactly(new EnrolLearner(LearnerEnrolmentsAggregate.aggregateIdOf("demo", ADA),
                "demo", ADA, REGISTRATION, COURSE, null, "2026-02", AT, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                Period.ofMonths(12)));
    }

    @Test
    void registeredWithoutRegistrationUsesTheStatementId() {
        List<EnrolmentCommand> commands = classifier.classify("demo", statement("registered", course(), "{}"));

        assertThat(commands).singleElement().extracting(c -> ((EnrolLearner) c).enrolmentId())
                .isEqualTo("6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
    }

    @Test
    void launchedAUnitWithinACourseEnrolsInTheGroupingCourse() {
        String context = "{\"registration\":\"" + REGISTRATION + "\",\"contextActivities\":{\"grouping\":[" + course()
                + "]}}";
        List<EnrolmentCommand> commands = classifier.classify("demo",
                statement("launched", "{\"id\":\"https://example.org/units/cpr\"}", context));

        assertThat(commands).singleElement().satisfies(command -> {
            EnrolLearner enrol = (EnrolLearner) command;
            assertThat(enrol.courseId()).isEqualTo(COURSE);
            assertThat(enrol.enrolmentId()).isEqualTo(REGISTRATION);
        });
    }

    @Test
    void initializedFindsTheCourseAmongParents() {
        String context = "{\"registration\":\"" + REGISTRATION + "\",\"contextActivities\":{\"parent\":" + course() + "}}";

        assertThat(classifier.classify("demo", statement("initialized", "{\"id\":\"https://example.org/units/cpr\"}",
                context))).hasSize(1);
    }

    @Test
    void launchedWithoutRegistrationDoesNotEnrol() {
        assertThat(classifier.classify("demo", statement("launched", course(), "{}"))).isEmpty();
    }

    @Test
    void anActivityThatIsNotACourseDoesNotEnrol() {
        assertThat(classifier.classify("demo", statement("registered", "{\"id\":\"https://example.org/units/cpr\"}",
                registration()))).isEmpty();
    }

    @Test
    void completedOnTheCourseCompletesWithItsSuccess() {
        JsonNode statement = statement("completed", course(), registration());
        ((com.fasterxml.jackson.databind.node.ObjectNode) statement).set("result", JSON.createObjectNode().put("success", true));

        assertThat(classifier.classify("demo", statement)).containsExactly(new CompleteEnrolment(
                LearnerEnrolmentsAggregate.aggregateIdOf("demo", ADA), REGISTRATION, COURSE, true, AT,
                "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"));
    }

    @Test
    void completedOnAUnitWithinTheCourseDoesNotCompleteTheCourse() {
        String context = "{\"registration\":\"" + REGISTRATION + "\",\"contextActivities\":{\"grouping\":[" + course()
                + "]}}";

        assertThat(classifier.classify("demo", statement("completed", "{\"id\":\"https://example.org/units/cpr\"}",
                context))).isEmpty();
    }

    @Test
    void otherVerbsMeanNothingForEnrolments() {
        assertThat(classifier.classify("demo", statement("experienced", course(), registration()))).isEmpty();
    }

    @Test
    void aTenantsOwnMappingAndWindowApply() {
        StatementMapping cmi5Only = new StatementMapping(true, Set.of("https://w3id.org/xapi/adl/verbs/registered"),
                Set.of(), Set.of("http://adlnet.gov/expapi/verbs/completed"),
                Set.of("http://adlnet.gov/expapi/activities/course"));
        EnrolmentProperties properties = new EnrolmentProperties(Period.ofMonths(12), StatementMapping.adl(),
                Map.of("harbour-rto", new TenantSettings(Period.ofMonths(6), cmi5Only)));
        EnrolmentClassifier perTenant = new EnrolmentClassifier(properties);

        assertThat(perTenant.classify("harbour-rto", statement("registered", course(), registration()))).isEmpty();
        assertThat(perTenant.classify("demo", statement("registered", course(), registration())))
                .singleElement().extracting(c -> ((EnrolLearner) c).reEnrolmentWindow()).isEqualTo(Period.ofMonths(12));
        assertThat(properties.windowFor("harbour-rto")).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void aDisabledMappingClassifiesNothing() {
        StatementMapping off = new StatementMapping(false, Set.of("http://adlnet.gov/expapi/verbs/registered"),
                Set.of(), Set.of(), Set.of("http://adlnet.gov/expapi/activities/course"));
        EnrolmentClassifier disabled = new EnrolmentClassifier(new EnrolmentProperties(Period.ofMonths(12), off, Map.of()));

        assertThat(disabled.classify("demo", statement("registered", course(), registration()))).isEmpty();
    }
}
