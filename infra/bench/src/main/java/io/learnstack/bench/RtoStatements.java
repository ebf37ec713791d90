package io.learnstack.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Statements shaped like a registered training organisation's: learners enrolled in qualifications, working
 * through units of competency, each unit's assessments scored, passed or failed, and units completed. The
 * sample data sets have none of these, and they are what credentials and pathways are computed from.
 */
final class RtoStatements {

    private static final String ADL = "http://adlnet.gov/expapi/verbs/";
    private static final List<String> QUALIFICATIONS = List.of("BSB50120", "CHC33021", "SIT40521", "CPC30220",
            "ICT40120", "HLT37315");
    private static final List<String> STEPS = List.of("registered", "launched", "attempted", "passed", "failed",
            "completed");

    private final ObjectMapper json;
    private final Random random;
    private final int learners;
    private Instant clock = Instant.parse("2026-02-02T09:00:00Z");

    RtoStatements(ObjectMapper json, long seed, int learners) {
        this.json = json;
        this.random = new Random(seed);
        this.learners = learners;
    }

    /** The next statement, without an id. */
    ObjectNode next() {
        int learner = random.nextInt(learners);
        String qualification = QUALIFICATIONS.get(learner % QUALIFICATIONS.size());
        int unit = random.nextInt(8);
        String verb = STEPS.get(random.nextInt(STEPS.size()));
        clock = clock.plus(1 + random.nextInt(600), ChronoUnit.SECONDS);

        ObjectNode statement = json.createObjectNode();
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        actor.put("name", "Learner " + learner);
        actor.put("mbox", "mailto:learner-" + learner + "@northside.example");
        ObjectNode verbNode = statement.putObject("verb");
        verbNode.put("id", ADL + verb);
        verbNode.putObject("display").put("en-AU", verb);

        String course = "https://northside.example/courses/" + qualification;
        boolean onCourse = verb.equals("registered");
        String activity = onCourse ? course : course + "/units/" + qualification.substring(0, 3) + "U" + (100 + unit);
        ObjectNode object = statement.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", activity);
        ObjectNode definition = object.putObject("definition");
        definition.put("type", onCourse ? "http://adlnet.gov/expapi/activities/course"
                : "http://adlnet.gov/expapi/activities/module");
        definition.putObject("name").put("en-AU", onCourse ? qualification : "Unit " + (unit + 1) + " of " + qualification);

        if (verb.equals("passed") || verb.equals("failed") || verb.equals("attempted")) {
            int raw = verb.equals("failed") ? random.nextInt(50) : 50 + random.nextInt(51);
            ObjectNode result = statement.putObject("result");
            ObjectNode score = result.putObject("score");
            score.put("raw", raw);
            score.put("min", 0);
            score.put("max", 100);
            score.put("scaled", raw / 100.0);
            if (!verb.equals("attempted")) {
                result.put("success", verb.equals("passed"));
            }
            result.put("completion", !verb.equals("attempted"));
        } else if (verb.equals("completed")) {
            statement.putObject("result").put("completion", true);
        }

        ObjectNode context = statement.putObject("context");
        context.put("registration", registration(learner, qualification).toString());
        if (!onCourse) {
            context.putObject("contextActivities").putArray("parent").addObject().put("id", course);
        }
        context.put("platform", "Northside LMS");
        statement.put("timestamp", clock.toString());
        return statement;
    }

    /** One registration per learner and qualification, the same in every run. */
    static UUID registration(int learner, String qualification) {
        return UUID.nameUUIDFromBytes(("registration|" + learner + "|" + qualification).getBytes());
    }
}
