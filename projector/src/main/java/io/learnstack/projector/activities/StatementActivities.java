package io.learnstack.projector.activities;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds the activities a statement names, wherever it names them. */
final class StatementActivities {

    private static final List<String> CONTEXT_ACTIVITY_KINDS = List.of("parent", "grouping", "category", "other");

    private StatementActivities() {
    }

    /**
     * @param statement a statement as the LRS stored it
     * @return its object when that is an activity, its context activities, and the same of a
     *         SubStatement object, in that order; each as the statement gives it (id and definition)
     */
    static List<JsonNode> of(JsonNode statement) {
        List<JsonNode> activities = new ArrayList<>();
        collect(statement, activities);
        return activities;
    }

    private static void collect(JsonNode statement, List<JsonNode> activities) {
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asText("Activity");
        if (objectType.equals("Activity")) {
            addIfIdentified(object, activities);
        } else if (objectType.equals("SubStatement")) {
            collect(object, activities);
        }
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        for (String kind : CONTEXT_ACTIVITY_KINDS) {
            JsonNode listed = contextActivities.path(kind);
            // Stored statements list them as arrays; a single activity is the form clients may send.
            if (listed.isArray()) {
                listed.forEach(activity -> addIfIdentified(activity, activities));
            } else {
                addIfIdentified(listed, activities);
            }
        }
    }

    private static void addIfIdentified(JsonNode activity, List<JsonNode> activities) {
        if (activity.isObject() && activity.path("id").isTextual()) {
            activities.add(activity);
        }
    }
}
