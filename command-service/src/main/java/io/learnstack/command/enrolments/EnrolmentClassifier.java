package io.learnstack.command.enrolments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.learnstack.command.enrolments.EnrolmentProperties.StatementMapping;
import io.learnstack.command.xapi.Actors;

/**
 * Decides what a normalised statement means for the learner's enrolments, by the tenant's
 * {@link StatementMapping}: registered enrols, launched or initialized with a new registration enrols,
 * completed on the course completes. The registration is the enrolment id.
 */
@Component
class EnrolmentClassifier {

    private final EnrolmentProperties properties;

    EnrolmentClassifier(EnrolmentProperties properties) {
        this.properties = properties;
    }

    List<EnrolmentCommand> classify(String tenant, JsonNode statement) {
        StatementMapping mapping = properties.mappingFor(tenant);
        JsonNode object = statement.path("object");
        if (!mapping.enabled() || !"Activity".equals(object.path("objectType").asText("Activity"))
                || !object.hasNonNull("id")) {
            return List.of();
        }
        String verb = statement.path("verb").path("id").asText();
        boolean registers = mapping.registered().contains(verb);
        boolean launches = mapping.launched().contains(verb);
        boolean completes = mapping.completed().contains(verb);
        if (!registers && !launches && !completes) {
            return List.of();
        }
        JsonNode registrationNode = statement.path("context").path("registration");
        String registration = registrationNode.isTextual() ? registrationNode.asText().toLowerCase() : null;
        boolean objectIsCourse = isCourse(object, mapping.courseTypes());
        String statementId = statement.path("id").asText();
        String learnerKey = Actors.learnerKey(statement.get("actor"));
        String aggregateId = LearnerEnrolmentsAggregate.aggregateIdOf(tenant, learnerKey);
        Instant at = OffsetDateTime.parse(statement.path("timestamp").asText()).toInstant();

        if (completes) {
            if (!objectIsCourse) {
                return List.of();
            }
            JsonNode success = statement.path("result").path("success");
            return List.of(new CompleteEnrolment(aggregateId, registration, object.get("id").asText(),
                    success.isBoolean() ? success.booleanValue() : null, at, statementId));
        }
        Optional<String> course = objectIsCourse ? Optional.of(object.get("id").asText())
                : contextCourse(statement.path("context").path("contextActivities"), mapping.courseTypes());
        if (course.isEmpty() || (launches && registration == null)) {
            return List.of();
        }
        String enrolmentId = registration != null ? registration : statementId;
        return List.of(new EnrolLearner(aggregateId, tenant, learnerKey, enrolmentId, course.get(), null,
                YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString(), at, statementId,
                properties.windowFor(tenant)));
    }

    /** The first grouping, then parent, context activity that is a course. */
    private static Optional<String> contextCourse(JsonNode contextActivities, Set<String> courseTypes) {
        for (String kind : List.of("grouping", "parent")) {
            JsonNode activities = contextActivities.path(kind);
            Iterable<JsonNode> candidates = activities.isArray() ? activities : List.of(activities);
            for (JsonNode activity : candidates) {
                if (activity.hasNonNull("id") && isCourse(activity, courseTypes)) {
                    return Optional.of(activity.get("id").asText());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isCourse(JsonNode activity, Set<String> courseTypes) {
        return courseTypes.contains(activity.path("definition").path("type").asText(""));
    }
}
