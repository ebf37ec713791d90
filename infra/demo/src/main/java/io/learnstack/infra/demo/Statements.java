package io.learnstack.infra.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The xAPI statements of an enrolment's activities, each in its registration and under its course. */
final class Statements {

    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private Statements() {
    }

    static List<Map<String, Object>> of(Plan.Learner learner, Plan.Enrolment enrolment) {
        return enrolment.activities().stream().map(activity -> statement(learner, enrolment, activity)).toList();
    }

    static Map<String, Object> statement(Plan.Learner learner, Plan.Enrolment enrolment, Plan.Activity activity) {
        Course course = enrolment.course();
        Course.Unit unit = activity.unit();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", activity.id());
        statement.put("actor", Map.of("objectType", "Agent", "mbox", "mailto:" + learner.email()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("registration", enrolment.id());
        switch (activity.verb()) {
            case LAUNCHED -> {
                statement.put("verb", verb("launched"));
                statement.put("object", activity(unit.iri(), unit.code() + " " + unit.name(), "module"));
            }
            case EXPERIENCED -> {
                statement.put("verb", verb("experienced"));
                statement.put("object", activity(unit.iri(), unit.code() + " " + unit.name(), "module"));
            }
            case PASSED, FAILED -> {
                boolean passed = activity.verb() == Plan.Verb.PASSED;
                statement.put("verb", verb(passed ? "passed" : "failed"));
                statement.put("object", activity(unit.assessment(), unit.code() + " assessment", "assessment"));
                statement.put("result", Map.of("success", passed, "completion", true,
                        "score", Map.of("scaled", activity.scaled(), "raw", Math.round(activity.scaled() * 100),
                                "min", 0, "max", 100)));
            }
            case COMPLETED_UNIT -> {
                statement.put("verb", verb("completed"));
                statement.put("object", activity(unit.iri(), unit.code() + " " + unit.name(), "module"));
                statement.put("result", Map.of("completion", true));
            }
            case COMPLETED_COURSE -> {
                statement.put("verb", verb("completed"));
                statement.put("object", activity(course.iri(), course.name(), "course"));
                statement.put("result", Map.of("completion", true, "success", true));
            }
        }
        if (activity.verb() != Plan.Verb.COMPLETED_COURSE) {
            context.put("contextActivities", Map.of("parent", List.of(activity(course.iri(), course.name(), "course"))));
        }
        statement.put("context", context);
        statement.put("timestamp", activity.at().toString());
        return statement;
    }

    private static Map<String, Object> verb(String name) {
        return Map.of("id", ADL + name, "display", Map.of("en-US", name));
    }

    private static Map<String, Object> activity(String iri, String name, String type) {
        return Map.of("objectType", "Activity", "id", iri, "definition", Map.of(
                "name", Map.of("en-AU", name), "type", "http://adlnet.gov/expapi/activities/" + type));
    }
}
