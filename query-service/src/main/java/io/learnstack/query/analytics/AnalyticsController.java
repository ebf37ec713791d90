package io.learnstack.query.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.analytics.AnalyticsTables.Breakdown;
import io.learnstack.query.analytics.AnalyticsTables.Interval;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.query.xapi.AgentKeys;

/**
 * The analyst's pathway analytics: summary, completion and re-enrolment rates, transitions, pathways,
 * drop-off and one learner's pathway. Every table is JSON ({@code {"rows": [...], "more": url|null}}) or,
 * with {@code ?format=csv} or {@code Accept: text/csv}, CSV. The tenant is the authenticated client's.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final ObjectMapper AGENT_JSON = new ObjectMapper();
    private static final Pattern COHORT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final ReadBarrier barrier;
    private final AnalyticsReader reader;

    AnalyticsController(ReadBarrier barrier, AnalyticsReader reader) {
        this.barrier = barrier;
        this.reader = reader;
    }

    @GetMapping("/summary")
    ResponseEntity<?> summary(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request) {
        AnalyticsFilter filter = filter(request);
        boolean csv = wantsCsv(request);
        Map<String, Object> summary = AnalyticsTables.summary(tenant(client), filter);
        if (csv) {
            return csv("summary", List.copyOf(summary.keySet()), List.of(summary));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
    }

    @GetMapping("/completion-rates")
    ResponseEntity<?> completionRates(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request,
            @RequestParam(defaultValue = "month") String interval, @RequestParam(defaultValue = "course") String by) {
        Breakdown breakdown = choice(Breakdown.class, "by", by);
        Interval period = choice(Interval.class, "interval", interval);
        List<String> columns = breakdown == Breakdown.OFFERING
                ? List.of("period", "course", "offering", "enrolled", "completed", "withdrawn", "rate", "medianDaysToComplete")
                : List.of("period", "course", "enrolled", "completed", "withdrawn", "rate", "medianDaysToComplete");
        return table(request, "completion-rates", columns, learners -> AnalyticsTables.completionRates(
                learners, filter(request), period, breakdown), client);
    }

    @GetMapping("/re-enrolment-rates")
    ResponseEntity<?> reEnrolmentRates(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request,
            @RequestParam(defaultValue = "month") String interval) {
        Interval period = choice(Interval.class, "interval", interval);
        return table(request, "re-enrolment-rates", List.of("period", "course", "finished", "reEnrolled", "rate"),
                learners -> AnalyticsTables.reEnrolmentRates(learners, filter(request), period), client);
    }

    @GetMapping("/transitions")
    ResponseEntity<?> transitions(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request) {
        return table(request, "transitions", List.of("from", "to", "learners", "medianGapDays"),
                learners -> AnalyticsTables.transitions(learners, filter(request)), client);
    }

    @GetMapping("/pathways")
    ResponseEntity<?> pathways(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request) {
        return table(request, "pathways", List.of("pathway", "learners"),
                learners -> AnalyticsTables.pathways(learners, filter(request)), client);
    }

    @GetMapping("/drop-off")
    ResponseEntity<?> dropOff(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request) {
        return table(request, "drop-off", List.of("course", "activity", "learners"),
                learners -> AnalyticsTables.dropOff(learners, filter(request)), client);
    }

    @GetMapping("/learners/pathway")
    ResponseEntity<?> learnerPathway(@RequestAttribute(Client.ATTRIBUTE) Client client, HttpServletRequest request,
            @RequestParam(required = false) String learner, @RequestParam(required = false) String agent) {
        String learnerKey = learnerKey(learner, agent);
        boolean csv = wantsCsv(request);
        barrier.await();
        List<Map<String, Object>> steps = reader.learner(client.tenant(), learnerKey)
                .map(AnalyticsTables::pathwayOf).orElse(List.of());
        if (csv) {
            return csv("pathway", List.of("course", "enrolmentId", "offering", "cohort", "enrolled", "ended", "outcome",
                    "reEnrolment"), steps);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("learner", learnerKey);
        body.put("steps", steps);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private List<LearnerSteps> tenant(Client client) {
        barrier.await();
        return reader.tenant(client.tenant());
    }

    /** Parameters are checked before the read, so a bad request costs no wait. */
    private ResponseEntity<?> table(HttpServletRequest request, String name, List<String> columns,
            Function<List<LearnerSteps>, List<Map<String, Object>>> compute, Client client) {
        filter(request);
        boolean csv = wantsCsv(request);
        int limit = limit(request.getParameter("limit"));
        int start = cursor(request.getParameter("cursor"));
        List<Map<String, Object>> rows = compute.apply(tenant(client));
        List<Map<String, Object>> page = rows.subList(Math.min(start, rows.size()), Math.min(start + limit, rows.size()));
        if (csv) {
            return csv(name, columns, page);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", page);
        body.put("more", start + limit < rows.size() ? more(request, start + limit) : null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ResponseEntity<String> csv(String name, List<String> columns, List<Map<String, Object>> rows) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(Csv.of(columns, rows));
    }

    private static boolean wantsCsv(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new AnalyticsQueryException("format must be csv or json: " + format);
            }
            return format.equals("csv");
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType());
        } catch (InvalidMediaTypeException malformed) {
            throw new AnalyticsQueryException("the Accept header is malformed: " + malformed.getMessage());
        }
    }

    static AnalyticsFilter filter(HttpServletRequest request) {
        String cohort = request.getParameter("cohort");
        if (cohort != null && !COHORT.matcher(cohort).matches()) {
            throw new AnalyticsQueryException("cohort must be a month, e.g. 2026-02: " + cohort);
        }
        Instant from = instant("from", request.getParameter("from"));
        Instant to = instant("to", request.getParameter("to"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new AnalyticsQueryException("from must be before to");
        }
        return new AnalyticsFilter(blankToNull(request.getParameter("course")), cohort,
                blankToNull(request.getParameter("offering")), from, to);
    }

    private static String learnerKey(String learner, String agent) {
        if ((learner == null) == (agent == null)) {
            throw new AnalyticsQueryException("give one of learner (a learner key) or agent (an xAPI Agent as JSON)");
        }
        if (learner != null) {
            return learner;
        }
        try {
            return AgentKeys.of(AGENT_JSON.readTree(agent));
        } catch (JsonProcessingException | IllegalArgumentException invalid) {
            throw new AnalyticsQueryException("agent must be an xAPI Agent as JSON: " + invalid.getMessage());
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException invalid) {
            throw new AnalyticsQueryException(name + " must be an ISO-8601 instant, e.g. 2026-11-24T09:00:00Z: " + value);
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException invalid) {
            throw new AnalyticsQueryException("limit must be a whole number from 1 to " + MAX_LIMIT + ": " + value);
        }
    }

    /** The cursor is opaque to clients: the position of the page's first row. */
    private static int cursor(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII));
            if (start < 0) {
                throw new NumberFormatException();
            }
            return start;
        } catch (IllegalArgumentException invalid) {
            throw new AnalyticsQueryException("cursor is not one this API gave: " + value);
        }
    }

    private static String more(HttpServletRequest request, int next) {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(next).getBytes(StandardCharsets.US_ASCII));
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("cursor", cursor).build().toUriString();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException invalid) {
            throw new AnalyticsQueryException(name + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList() + ": " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
