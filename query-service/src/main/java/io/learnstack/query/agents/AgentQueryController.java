package io.learnstack.query.agents;

import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.query.xapi.XapiParameters;

/**
 * The xAPI Agents resource: a Person object for an Agent, every property an array.
 * <p>
 * The LRS keeps no profile of a person beyond what a request names, so the Person is built from the
 * agent asked about, and the answer does not wait for the read models.
 */
@RestController
class AgentQueryController {

    private static final Set<String> PARAMETERS = Set.of("agent");
    private static final List<String> PROPERTIES = List.of("name", "mbox", "mbox_sha1sum", "openid", "account");

    private final ObjectMapper json;

    AgentQueryController(ObjectMapper json) {
        this.json = json;
    }

    @GetMapping("/xapi/agents")
    ResponseEntity<String> person(@RequestParam MultiValueMap<String, String> query) {
        JsonNode agent = XapiParameters.of(query, PARAMETERS).requiredAgent("agent", false);
        ObjectNode person = json.createObjectNode();
        person.put("objectType", "Person");
        for (String property : PROPERTIES) {
            if (agent.hasNonNull(property)) {
                person.putArray(property).add(agent.get(property));
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(person.toString());
    }
}
