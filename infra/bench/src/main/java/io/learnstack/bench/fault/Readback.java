package io.learnstack.bench.fault;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads back what the system holds, through the same public API the writers used. */
final class Readback {

    private static final int PAGE = 500;

    private final Lrs lrs;
    private final ObjectMapper json;
    private final String platform;

    Readback(Lrs lrs, ObjectMapper json, String platform) {
        this.lrs = lrs;
        this.json = json;
        this.platform = platform;
    }

    /**
     * Every statement of the tenant, page after page through the {@code more} links.
     *
     * @param occurrences how often each of this run's statement ids appears
     * @param statements  this run's statements by id, as served (the last copy where one repeats)
     * @param total       statements of every run
     */
    record Listing(Map<String, Integer> occurrences, Map<String, JsonNode> statements, long total) {

        /** This run's statements per verb, each id once: the system's count to hold against the writers'. */
        Map<String, Long> verbCounts() {
            Map<String, Long> counts = new TreeMap<>();
            statements.values().forEach(s -> counts.merge(s.path("verb").path("id").asText(), 1L, Long::sum));
            return counts;
        }
    }

    Listing list() throws IOException, InterruptedException {
        Map<String, Integer> occurrences = new HashMap<>();
        Map<String, JsonNode> statements = new TreeMap<>();
        long total = 0;
        String next = "/xapi/statements?limit=" + PAGE;
        while (next != null && !next.isEmpty()) {
            JsonNode page = json.readTree(ok(lrs.get(next), next));
            for (JsonNode statement : page.path("statements")) {
                total++;
                if (platform.equals(statement.path("context").path("platform").asText())) {
                    String id = statement.path("id").asText();
                    occurrences.merge(id, 1, Integer::sum);
                    statements.put(id, statement);
                }
            }
            String more = page.path("more").asText("");
            // A more link is absolute-path; the entry point's /xapi prefix is already in it.
            next = more.isEmpty() ? null : more.substring(more.indexOf("/xapi/"));
        }
        return new Listing(occurrences, statements, total);
    }

    /** Whether the statement with this id can be read on its own, with that id. */
    boolean readable(String id) throws IOException, InterruptedException {
        HttpResponse<String> answer = lrs.statement(id);
        return answer.statusCode() == 200 && id.equals(json.readTree(answer.body()).path("id").asText());
    }

    /** The analysts' summary, as the dashboard shows it. */
    JsonNode summary() throws IOException, InterruptedException {
        return json.readTree(ok(lrs.get("/api/analytics/summary"), "/api/analytics/summary"));
    }

    private static String ok(HttpResponse<String> answer, String what) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
