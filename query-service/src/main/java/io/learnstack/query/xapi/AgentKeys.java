package io.learnstack.query.xapi;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The canonical identifier of an agent, in the same form the command side gives learner keys: the
 * agent filter of a query and the agent of a document request must name the same key the projector
 * stored.
 */
public final class AgentKeys {

    private AgentKeys() {
    }

    /** @throws IllegalArgumentException when the agent has not exactly one inverse functional identifier */
    public static String of(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            throw new IllegalArgumentException("agent must be a JSON object");
        }
        List<String> keys = new ArrayList<>();
        if (agent.hasNonNull("mbox")) {
            keys.add("mbox:" + agent.get("mbox").asText());
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            keys.add("mbox_sha1sum:" + agent.get("mbox_sha1sum").asText().toLowerCase());
        }
        if (agent.hasNonNull("openid")) {
            keys.add("openid:" + agent.get("openid").asText());
        }
        if (agent.hasNonNull("account")) {
            JsonNode account = agent.get("account");
            if (!account.path("homePage").isTextual() || !account.path("name").isTextual()) {
                throw new IllegalArgumentException("agent account needs homePage and name");
            }
            keys.add("account:" + account.get("homePage").asText() + "|" + account.get("name").asText());
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("agent must have exactly one of mbox, mbox_sha1sum, openid, account");
        }
        return keys.get(0);
    }
}
