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

    /** The analyst API's tables, as the dashboard asks for them, by the name they are reported under. */
    static final Map<String, String> ANALYST = analyst();

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

    private static Map<String, String> analyst() {
        Map<String, String> analyst = new LinkedHashMap<>();
        analyst.put("summary", "/api/analytics/summary");
        analyst.put("completion-rates", "/api/analytics/completion-rates?interval=month");
        analyst.put("re-enrolment-rates", "/api/analytics/re-enrolment-rates?interval=month");
        analyst.put("transitions", "/api/analytics/transitions");
        analyst.put("pathways", "/api/analytics/pathways?limit=10");
        analyst.put("drop-off", "/api/analytics/drop-off");
        analyst.put("eligibility-funnel", "/api/eligibility/funnel");
        return analyst;
    }

    /** Each analyst table asked for {@code perQuery} times, latency under {@code analyst.<name>}. */
    Result runAnalyst(int perQuery) throws InterruptedException {
        Tally tally = new Tally();
        for (Map.Entry<String, String> query : ANALYST.entrySet()) {
            Samples samples = tally.samples("analyst." + query.getKey());
            for (int i = 0; i < perQuery; i++) {
                tally.time(samples, "GET " + query.getValue(), () -> xapi.getApi(query.getValue()));
            }
        }
        return tally.result();
    }

    Result run(List<ObjectNode> written, int perFilter, Instant since) throws InterruptedException {
        Tally tally = new Tally();
        for (String filter : FILTERS) {
            Samples samples = tally.samples(filter);
            for (int i = 0; i < perFilter; i++) {
                Map<String, String> parameters = parameters(filter, written.get(i % written.size()), since);
                parameters.put("limit", "25");
                tally.time(samples, "GET " + parameters, () -> xapi.get(parameters));
            }
        }
        return tally.result();
    }

    private interface Request {
        HttpResponse<String> send() throws java.io.IOException, InterruptedException;
    }

    /** Latencies by name, and the queries not answered 200. */
    private static final class Tally {

        private final Map<String, Samples> latency = new LinkedHashMap<>();
        private long errors;
        private String firstError;

        Samples samples(String name) {
            return latency.computeIfAbsent(name, any -> new Samples());
        }

        void time(Samples samples, String what, Request request) throws InterruptedException {
            try {
                long sent = System.nanoTime();
                HttpResponse<String> response = request.send();
                long answered = System.nanoTime();
                if (response.statusCode() == 200) {
                    samples.addNanos(answered - sent);
                } else {
                    fail(what + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (java.io.IOException e) {
                fail(what + " failed: " + e);
            }
        }

        private void fail(String message) {
            errors++;
            if (firstError == null) {
                firstError = message;
            }
        }

        Result result() {
            return new Result(latency, errors, firstError);
        }
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
