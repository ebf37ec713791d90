package io.learnstack.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One client asking for statements by each xAPI filter, with values taken from statements just written. */
final class QueryLoad {

    /** The filters measured, in the order they are reported. */
    static final List<String> FILTERS = List.of("agent", "activity", "verb", "registration", "since",
            "related_activities", "related_agents");

    private final XapiClient xapi;

    QueryLoad(XapiClient xapi) {
        this.xapi = xapi;
    }

    /**
     * What the queries measured.
     *
     * @param latency per filter
     * @param errors  queries not answered 200
     * @param firstError what the first of them said
     */
    record Result(Map<String, Samples> latency, long errors, String firstError) {
    }

    Result run(List<ObjectNode> written, int perFilter, Instant since) throws InterruptedException {
        Map<String, Samples> latency = new LinkedHashMap<>();
        long errors = 0;
        String firstError = null;
        for (String filter : FILTERS) {
            Samples samples = new Samples();
            latency.put(filter, samples);
            for (int i = 0; i < perFilter; i++) {
                Map<String, String> parameters = parameters(filter, written.get(i % written.size()), since);
                parameters.put("limit", "25");
                try {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = xapi.get(parameters);
                    long answered = System.nanoTime();
                    if (response.statusCode() == 200) {
                        samples.addNanos(answered - sent);
                    } else {
                        errors++;
                        if (firstError == null) {
                            firstError = "GET " + parameters + " answered " + response.statusCode() + ": "
                                    + response.body();
                        }
                    }
                } catch (java.io.IOException e) {
                    errors++;
                    if (firstError == null) {
                        firstError = "GET " + parameters + " failed: " + e;
                    }
                }
            }
        }
        return new Result(latency, errors, firstError);
    }

    /** The query parameters for one filter, its value taken from {@code statement}. */
    static Map<String, String> parameters(String filter, JsonNode statement, Instant since) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Function<String, String> text = path -> statement.at(path).asText();
        switch (filter) {
            case "agent" -> parameters.put("agent", statement.get("actor").toString());
            case "activity" -> parameters.put("activity", text.apply("/object/id"));
            case "verb" -> parameters.put("verb", text.apply("/verb/id"));
            case "registration" -> {
                String registration = text.apply("/context/registration");
                // A statement without one asks for a registration nobody has: still a full lookup.
                parameters.put("registration", registration.isEmpty()
                        ? "00000000-0000-4000-8000-000000000000" : registration);
            }
            case "since" -> parameters.put("since", since.toString());
            case "related_activities" -> {
                JsonNode parent = statement.at("/context/contextActivities/parent/0/id");
                parameters.put("activity", parent.isMissingNode() ? text.apply("/object/id") : parent.asText());
                parameters.put("related_activities", "true");
            }
            case "related_agents" -> {
                parameters.put("agent", statement.get("actor").toString());
                parameters.put("related_agents", "true");
            }
            default -> throw new IllegalArgumentException("unknown filter " + filter);
        }
        return parameters;
    }
}
