package io.learnstack.bench.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Statements of one fault run: each carries the run's platform, so the check finds this run's statements
 * among any the system held before, and an id chosen here, so a retried request is the same request.
 */
final class FaultStatements {

    static final List<String> VERBS = List.of("attempted", "passed", "failed", "completed", "experienced");
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private final ObjectMapper json;
    private final String platform;

    FaultStatements(ObjectMapper json, String runId) {
        this.json = json;
        this.platform = platformOf(runId);
    }

    static String platformOf(String runId) {
        return "learnstack-fault " + runId;
    }

    String platform() {
        return platform;
    }

    /** A batch: the request body and the id and verb of each statement in it. */
    record Batch(String body, List<String[]> idsAndVerbs) {
    }

    Batch batch(int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ArrayNode array = json.createArrayNode();
        List<String[]> idsAndVerbs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = UUID.randomUUID().toString();
            String verb = VERBS.get(random.nextInt(VERBS.size()));
            int learner = random.nextInt(200);
            ObjectNode statement = array.addObject();
            statement.put("id", id);
            ObjectNode actor = statement.putObject("actor");
            actor.put("objectType", "Agent");
            actor.put("mbox", "mailto:fault-learner-" + learner + "@example.org");
            ObjectNode verbNode = statement.putObject("verb");
            verbNode.put("id", ADL + verb);
            verbNode.putObject("display").put("en-US", verb);
            ObjectNode object = statement.putObject("object");
            object.put("objectType", "Activity");
            object.put("id", "https://fault.example.org/units/" + random.nextInt(20));
            statement.putObject("context").put("platform", platform);
            statement.put("timestamp", Instant.now().toString());
            idsAndVerbs.add(new String[] {id, ADL + verb});
        }
        return new Batch(array.toString(), idsAndVerbs);
    }
}
