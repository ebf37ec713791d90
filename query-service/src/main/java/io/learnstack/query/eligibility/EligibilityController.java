package io.learnstack.query.eligibility;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.query.xapi.AgentKeys;

/**
 * The analysts' view of credential eligibility: a learner's standing with every credential, a
 * credential's learners by status, awards expiring in a period, counts by period and the progress
 * funnel. The tenant is always the authenticated client's.
 */
@RestController
@RequestMapping("/api/eligibility")
class EligibilityController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> STATUSES = Set.of("eligible", "nearly", "in-progress", "issued", "expiring",
            "expired", "revoked");

    private final ReadBarrier barrier;
    private final EligibilityReader reader;
    private final ObjectMapper json;
    private final Period expiringWindow;
    private final Clock clock;

    @Autowired
    EligibilityController(ReadBarrier barrier, EligibilityReader reader, ObjectMapper json,
            @Value("${learnstack.eligibility.expiring-window:P30D}") String expiringWindow) {
        this(barrier, reader, json, Period.parse(expiringWindow), Clock.systemUTC());
    }

    EligibilityController(ReadBarrier barrier, EligibilityReader reader, ObjectMapper json, Period expiringWindow,
            Clock clock) {
        this.barrier = barrier;
        this.reader = reader;
        this.json = json;
        this.expiringWindow = expiringWindow;
        this.clock = clock;
    }

    @GetMapping("/learners")
    Map<String, Object> learner(@RequestAttribute(Client.ATTRIBUTE) Client client,
            @RequestParam(required = false) String learner, @RequestParam(required = false) String agent) {
        String learnerKey = learnerKey(learner, agent);
        barrier.await();
        Document found = reader.learner(client.tenant(), learnerKey)
                .orElseThrow(() -> new NotFound("no eligibility is known for learner " + learnerKey));
        Map<String, Document> catalogue = reader.catalogue(client.tenant());
        Instant expiringBefore = expiringBefore();
        List<Map<String, Object>> credentials = new ArrayList<>();
        for (Document status : found.getList("statuses", Document.class, List.of())) {
            Document credential = catalogue.get(status.getString("credentialId"));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("credentialId", status.getString("credentialId"));
            shown.put("name", credential == null ? null : credential.getString("name"));
            shown.put("status", EligibilityViews.status(status, expiringBefore));
            shown.put("met", status.getList("met", Document.class, List.of()));
            shown.put("missing", status.getList("missing", Document.class, List.of()));
            shown.put("eligibleAt", status.getString("eligibleAt"));
            shown.put("awardId", status.getString("awardId"));
            shown.put("validUntil", status.getString("validUntil"));
            credentials.add(shown);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("learner", learnerKey);
        answer.put("credentials", credentials);
        return answer;
    }

    @GetMapping("/credentials/{id}")
    Map<String, Object> credential(@RequestAttribute(Client.ATTRIBUTE) Client client, @PathVariable String id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadParameter("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        int max = limit(limit);
        String after = cursor == null ? null : decode(cursor);
        barrier.await();
        if (!reader.catalogue(client.tenant()).containsKey(id)) {
            throw new NotFound("no credential " + id);
        }
        Instant expiringBefore = expiringBefore();
        List<Document> matching = new ArrayList<>();
        for (Object value : reader.bucket(client.tenant(), id).get("rows", new Document()).values()) {
            Document row = (Document) value;
            if (EligibilityViews.matches(row, status, expiringBefore)) {
                matching.add(row);
            }
        }
        List<Document> sorted = EligibilityViews.sortedAfter(matching, after);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document row : sorted.subList(0, Math.min(max, sorted.size()))) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("learner", row.getString("learner"));
            shown.put("status", EligibilityViews.status(row, expiringBefore));
            shown.put("missing", row.getList("missing", Document.class, List.of()));
            shown.put("eligibleAt", row.getString("eligibleAt"));
            shown.put("awardId", row.getString("awardId"));
            shown.put("validUntil", row.getString("validUntil"));
            rows.add(shown);
        }
        String more = null;
        if (sorted.size() > max) {
            UriComponentsBuilder next = UriComponentsBuilder.fromPath("/api/eligibility/credentials/{id}")
                    .queryParam("limit", max).queryParam("cursor", encode(sorted.get(max - 1).getString("learner")));
            if (status != null) {
                next.queryParam("status", status);
            }
            more = next.encode().buildAndExpand(id).toUriString();
        }
        return list(rows, more);
    }

    @GetMapping("/expiring")
    Map<String, Object> expiring(@RequestAttribute(Client.ATTRIBUTE) Client client,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Instant start = from == null ? clock.instant() : instant("from", from);
        Instant end = to == null ? windowEnd(start) : instant("to", to);
        if (end.isBefore(start)) {
            throw new BadParameter("to must not be before from");
        }
        int max = limit(limit);
        int skip = cursor == null ? 0 : position(decode(cursor));
        barrier.await();
        Map<String, Document> catalogue = reader.catalogue(client.tenant());
        List<Document> rows = new ArrayList<>();
        reader.buckets(client.tenant(), new ArrayList<>(catalogue.keySet())).forEach((credentialId, bucket) ->
                rows.addAll(EligibilityViews.expiring(credentialId, bucket.get("rows", new Document()), start, end)));
        rows.sort(Comparator.comparing((Document row) -> row.getString("validUntil"))
                .thenComparing(row -> row.getString("learner")).thenComparing(row -> row.getString("credentialId")));
        List<Document> page = rows.subList(Math.min(skip, rows.size()), Math.min(skip + max, rows.size()));
        String more = null;
        if (rows.size() > skip + max) {
            // The period is fixed in the link, so the next page continues the same list.
            more = UriComponentsBuilder.fromPath("/api/eligibility/expiring").queryParam("from", start.toString())
                    .queryParam("to", end.toString()).queryParam("limit", max)
                    .queryParam("cursor", encode(Integer.toString(skip + max))).encode().toUriString();
        }
        return list(page, more);
    }

    @GetMapping("/counts")
    Map<String, Object> counts(@RequestAttribute(Client.ATTRIBUTE) Client client,
            @RequestParam(required = false) String credential, @RequestParam(defaultValue = "month") String interval) {
        if (!interval.equals("day") && !interval.equals("month")) {
            throw new BadParameter("interval must be day or month");
        }
        barrier.await();
        Map<String, Document> catalogue = reader.catalogue(client.tenant());
        if (credential != null && !catalogue.containsKey(credential)) {
            throw new NotFound("no credential " + credential);
        }
        List<String> ids = credential == null ? new ArrayList<>(catalogue.keySet()) : List.of(credential);
        List<Document> rows = new ArrayList<>();
        reader.buckets(client.tenant(), ids).forEach((credentialId, bucket) -> rows.addAll(
                EligibilityViews.counts(credentialId, bucket.get("rows", new Document()), interval.equals("day"))));
        rows.sort(Comparator.comparing((Document row) -> row.getString("period"))
                .thenComparing(row -> row.getString("credentialId")));
        return list(rows, null);
    }

    @GetMapping("/funnel")
    Map<String, Object> funnel(@RequestAttribute(Client.ATTRIBUTE) Client client) {
        barrier.await();
        Map<String, Document> catalogue = reader.catalogue(client.tenant());
        Map<String, Document> buckets = reader.counts(client.tenant(), new ArrayList<>(catalogue.keySet()));
        List<Map<String, Object>> rows = new ArrayList<>();
        catalogue.forEach((id, credential) -> {
            Document counts = buckets.getOrDefault(id, new Document()).get("counts", new Document());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("credentialId", id);
            row.put("name", credential.getString("name"));
            row.put("inProgress", count(counts, "in-progress"));
            row.put("eligible", count(counts, "eligible"));
            row.put("issued", count(counts, "issued"));
            row.put("expired", count(counts, "expired"));
            rows.add(row);
        });
        return list(rows, null);
    }

    private static int count(Document counts, String status) {
        Number count = counts.get(status, Number.class);
        return count == null ? 0 : count.intValue();
    }

    private Instant expiringBefore() {
        return clock.instant().atZone(ZoneOffset.UTC).plus(expiringWindow).toInstant();
    }

    private String learnerKey(String learner, String agent) {
        if ((learner == null) == (agent == null)) {
            throw new BadParameter("give exactly one of learner (a learner key) and agent (an xAPI agent as JSON)");
        }
        if (learner != null) {
            if (learner.isBlank()) {
                throw new BadParameter("learner must not be empty");
            }
            return learner;
        }
        try {
            return AgentKeys.of(json.readTree(agent));
        } catch (JsonProcessingException e) {
            throw new BadParameter("agent is not JSON");
        } catch (IllegalArgumentException e) {
            throw new BadParameter(e.getMessage());
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static int position(String cursor) {
        try {
            int position = Integer.parseInt(cursor);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("cursor is not one this API gave");
    }

    private Instant windowEnd(Instant start) {
        try {
            return start.atZone(ZoneOffset.UTC).plus(expiringWindow).toInstant();
        } catch (DateTimeException beyondTime) {
            throw new BadParameter("from is too late for the expiring window of " + expiringWindow + ": give to as well");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + " must be an ISO-8601 instant, e.g. 2026-11-24T09:00:00Z");
        }
    }

    private static String encode(String learnerKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(learnerKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cursor is not one this API gave");
        }
    }

    private static Map<String, Object> list(List<?> rows, String more) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rows", rows);
        answer.put("more", more);
        return answer;
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<Map<String, String>> badParameter(BadParameter e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "bad-parameter", "message",
                e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not-found", "message", e.getMessage()));
    }

    private static final class BadParameter extends RuntimeException {
        BadParameter(String message) {
            super(message);
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
