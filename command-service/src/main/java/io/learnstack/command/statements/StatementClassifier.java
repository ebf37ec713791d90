package io.learnstack.command.statements;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides what a normalised statement means for a learner's progress: an assessment outcome,
 * a completion, other activity, or nothing, under the verb mapping of the statement's tenant.
 */
@Component
class StatementClassifier {

    private final VerbMapping defaults;
    private final Map<String, VerbMapping> byTenant = new HashMap<>();

    StatementClassifier(VerbMapping verbs) {
        this.defaults = verbs;
        verbs.tenants().keySet().forEach(tenant -> byTenant.put(tenant, verbs.forTenant(tenant)));
    }

    /** Classifies under the default verb mapping. */
    Classification classify(JsonNode statement) {
        return classify(null, statement);
    }

    /** Classifies under the tenant's verb mapping, the defaults where it names none. */
    Classification classify(String tenant, JsonNode statement) {
        VerbMapping verbs = tenant == null ? defaults : byTenant.getOrDefault(tenant, defaults);
        JsonNode object = statement.path("object");
        if (!"Activity".equals(object.path("objectType").asText("Activity")) || !object.hasNonNull("id")) {
            return Classification.none();
        }
        String activityId = object.get("id").asText();
        String verb = statement.path("verb").path("id").asText();
        JsonNode result = statement.path("result");
        Boolean success = result.path("success").isBoolean() ? result.get("success").booleanValue() : null;
        JsonNode score = result.path("score");
        Double scaled = score.path("scaled").isNumber() ? score.get("scaled").doubleValue() : null;
        Double raw = score.path("raw").isNumber() ? score.get("raw").doubleValue() : null;

        if (verbs.passed().contains(verb) || verbs.failed().contains(verb) || verbs.scored().contains(verb)) {
            if (success == null && verbs.passed().contains(verb)) {
                success = Boolean.TRUE;
            } else if (success == null && verbs.failed().contains(verb)) {
                success = Boolean.FALSE;
            }
            return new Classification(Classification.Kind.ASSESSMENT, activityId, scaled, raw, success);
        }
        if (verbs.completion().contains(verb)) {
            return new Classification(Classification.Kind.COMPLETION, activityId, null, null, success);
        }
        return new Classification(Classification.Kind.ACTIVITY, activityId, null, null, null);
    }
}
