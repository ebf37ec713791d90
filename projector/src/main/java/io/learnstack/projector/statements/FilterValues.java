package io.learnstack.projector.statements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.events.StatementRecorded;

/**
 * What the agent and activity filters of the xAPI statement resource can match in one statement
 * (Communication 2.1.3, the same in 1.0.3 and 2.0.0):
 * <ul>
 * <li>{@code agents}: the actor, and the object when it is an Agent or Group;</li>
 * <li>{@code relatedAgents} ({@code related_agents=true}): also the authority, the context's instructor
 * and team, and the actor, object, instructor and team of a SubStatement object;</li>
 * <li>{@code relatedActivities} ({@code related_activities=true}): the object when it is an Activity,
 * every context Activity (parent, grouping, category, other), and the same in a SubStatement object.</li>
 * </ul>
 * A Group matches an agent filter naming one of its members, wherever it stands. Agents are named by
 * the learner keys the command side gives them: a query's agent filter names the same key.
 *
 * @param agents            learner keys the plain agent filter matches
 * @param relatedAgents     learner keys the broad agent filter matches
 * @param relatedActivities activity IRIs the broad activity filter matches
 * @param targetId          the id of the statement a StatementRef object targets, or {@code null}
 */
record FilterValues(Set<String> agents, Set<String> relatedAgents, Set<String> relatedActivities,
        String targetId) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTEXT_ACTIVITY_KINDS = List.of("parent", "grouping", "category", "other");

    static FilterValues of(StatementRecorded recorded) {
        JsonNode statement = parse(recorded.statement());
        Set<String> agents = new LinkedHashSet<>();
        agents.add(recorded.learnerKey());
        if (isAgent(recorded.objectType()) && recorded.objectId() != null) {
            agents.add(recorded.objectId());
        }
        addAgent(agents, statement.get("actor"));
        addAgentObject(agents, statement.get("object"));

        Set<String> relatedAgents = new LinkedHashSet<>(agents);
        addAgent(relatedAgents, statement.get("authority"));
        addContextAgents(relatedAgents, statement.get("context"));

        Set<String> relatedActivities = new LinkedHashSet<>();
        addActivityObject(relatedActivities, statement.get("object"));
        addContextActivities(relatedActivities, statement.get("context"));

        JsonNode object = statement.path("object");
        if ("SubStatement".equals(object.path("objectType").asText())) {
            addAgent(relatedAgents, object.get("actor"));
            addAgentObject(relatedAgents, object.get("object"));
            addContextAgents(relatedAgents, object.get("context"));
            addActivityObject(relatedActivities, object.get("object"));
            addContextActivities(relatedActivities, object.get("context"));
        }
        String targetId = "StatementRef".equals(recorded.objectType()) && recorded.objectId() != null
                ? recorded.objectId().toLowerCase(Locale.ROOT)
                : null;
        return new FilterValues(agents, relatedAgents, relatedActivities, targetId);
    }

    private static JsonNode parse(String statement) {
        try {
            JsonNode parsed = JSON.readTree(statement);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("a recorded statement is not a JSON object");
            }
            return parsed;
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("a recorded statement is not valid JSON", unreadable);
        }
    }

    private static boolean isAgent(String objectType) {
        return "Agent".equals(objectType) || "Group".equals(objectType);
    }

    private static void addAgentObject(Set<String> keys, JsonNode object) {
        if (object != null && isAgent(object.path("objectType").asText())) {
            addAgent(keys, object);
        }
    }

    private static void addContextAgents(Set<String> keys, JsonNode context) {
        if (context != null && context.isObject()) {
            addAgent(keys, context.get("instructor"));
            addAgent(keys, context.get("team"));
        }
    }

    /** An Agent or identified Group by its identifier, and a Group's identified members by theirs. */
    private static void addAgent(Set<String> keys, JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return;
        }
        String key = identifierKey(agent);
        if (key != null) {
            keys.add(key);
        }
        if (agent.path("member").isArray()) {
            for (JsonNode member : agent.get("member")) {
                String memberKey = identifierKey(member);
                if (memberKey != null) {
                    keys.add(memberKey);
                }
            }
        }
    }

    /** The learner key of an Agent or identified Group, as the command side forms it; null when it has none. */
    static String identifierKey(JsonNode agent) {
        if (agent.hasNonNull("mbox")) {
            return "mbox:" + agent.get("mbox").asText();
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return "mbox_sha1sum:" + agent.get("mbox_sha1sum").asText().toLowerCase(Locale.ROOT);
        }
        if (agent.hasNonNull("openid")) {
            return "openid:" + agent.get("openid").asText();
        }
        JsonNode account = agent.get("account");
        if (account != null && account.path("homePage").isTextual() && account.path("name").isTextual()) {
            return "account:" + account.get("homePage").asText() + "|" + account.get("name").asText();
        }
        return null;
    }

    private static void addActivityObject(Set<String> ids, JsonNode object) {
        if (object != null && object.isObject() && "Activity".equals(object.path("objectType").asText("Activity"))
                && object.path("id").isTextual()) {
            ids.add(object.get("id").asText());
        }
    }

    private static void addContextActivities(Set<String> ids, JsonNode context) {
        JsonNode contextActivities = context == null ? null : context.get("contextActivities");
        if (contextActivities == null || !contextActivities.isObject()) {
            return;
        }
        for (String kind : CONTEXT_ACTIVITY_KINDS) {
            JsonNode activities = contextActivities.get(kind);
            if (activities == null) {
                continue;
            }
            // A client may send one Activity instead of an array; the normalised statement may keep it.
            Iterable<JsonNode> each = activities.isArray() ? activities : List.of(activities);
            for (JsonNode activity : each) {
                if (activity.path("id").isTextual()) {
                    ids.add(activity.get("id").asText());
                }
            }
        }
    }
}
