package io.learnstack.command.enrolments;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.learnstack.security.Client;
import io.learnstack.command.xapi.Actors;

/**
 * The registrar's enrolment API: enrol, withdraw, complete. The tenant is always the authenticated
 * client's. Each request is answered once its events are on the bus.
 */
@RestController
@RequestMapping(path = "/api/enrolments", produces = MediaType.APPLICATION_JSON_VALUE)
class EnrolmentController {

    private static final Pattern COHORT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final int MAX_ID_LENGTH = 200;

    private final EnrolmentDesk desk;
    private final EnrolmentProperties properties;

    EnrolmentController(EnrolmentDesk desk, EnrolmentProperties properties) {
        this.desk = desk;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> enrol(@RequestAttribute(Client.ATTRIBUTE) Client client,
            @RequestBody(required = false) JsonNode body) {
        JsonNode request = object(body);
        String learnerKey = learnerOf(request);
        String course = text(request, "course");
        if (course == null || !isAbsoluteIri(course)) {
            throw EnrolmentRefusedException.invalid("course must be the course's IRI, e.g. https://example.org/courses/first-aid");
        }
        String offering = text(request, "offering");
        Instant enrolled = instant(request, "enrolled");
        String cohort = text(request, "cohort");
        if (cohort != null && !COHORT.matcher(cohort).matches()) {
            throw EnrolmentRefusedException.invalid("cohort must be a month, e.g. 2026-02: " + cohort);
        }
        if (cohort == null) {
            cohort = YearMonth.from(enrolled.atOffset(ZoneOffset.UTC)).toString();
        }
        String id = text(request, "id");
        if (id == null) {
            id = UUID.randomUUID().toString();
        } else {
            checkId(id);
        }
        String tenant = client.tenant();
        Enrolled result = desk.enrol(tenant, new EnrolLearner(LearnerEnrolmentsAggregate.aggregateIdOf(tenant, learnerKey),
                tenant, learnerKey, id, course, offering, cohort, enrolled, null, properties.windowFor(tenant)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("enrolmentId", result.enrolmentId());
        answer.put("reEnrolment", result.reEnrolment());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/enrolments/" + result.enrolmentId()))
                .body(answer);
    }

    @PostMapping("/{id}/withdrawal")
    Map<String, Object> withdraw(@RequestAttribute(Client.ATTRIBUTE) Client client, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        JsonNode request = body == null ? NullNode.getInstance() : object(body);
        checkId(id);
        Instant at = instant(request, "at");
        desk.withdraw(client.tenant(), id, text(request, "reason"), at);
        return Map.of("enrolmentId", id, "outcome", "withdrawn");
    }

    @PostMapping("/{id}/completion")
    Map<String, Object> complete(@RequestAttribute(Client.ATTRIBUTE) Client client, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        JsonNode request = body == null ? NullNode.getInstance() : object(body);
        checkId(id);
        JsonNode success = request.path("success");
        if (!success.isMissingNode() && !success.isNull() && !success.isBoolean()) {
            throw EnrolmentRefusedException.invalid("success must be true or false");
        }
        desk.complete(client.tenant(), id, success.isBoolean() ? success.booleanValue() : null, instant(request, "at"));
        return Map.of("enrolmentId", id, "outcome", "completed");
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw EnrolmentRefusedException.invalid("the body must be a JSON object");
        }
        return body;
    }

    private static String learnerOf(JsonNode request) {
        String learner = text(request, "learner");
        JsonNode agent = request.get("agent");
        if (learner != null && agent != null) {
            throw EnrolmentRefusedException.invalid("give either learner or agent, not both");
        }
        if (learner != null) {
            return learner;
        }
        if (agent == null) {
            throw EnrolmentRefusedException.invalid("learner (a learner key) or agent (an xAPI Agent) is required");
        }
        try {
            return Actors.learnerKey(agent);
        } catch (IllegalArgumentException invalid) {
            throw EnrolmentRefusedException.invalid("agent: " + invalid.getMessage());
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw EnrolmentRefusedException.invalid(field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** The instant given, else now: an enrolment recorded without a date happened when it was recorded. */
    private static Instant instant(JsonNode request, String field) {
        String value = text(request, field);
        if (value == null) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException invalid) {
            throw EnrolmentRefusedException.invalid(field + " must be an ISO-8601 instant, e.g. 2026-11-24T09:00:00Z: "
                    + value);
        }
    }

    private static void checkId(String id) {
        if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw EnrolmentRefusedException.invalid("an enrolment id is 1 to " + MAX_ID_LENGTH
                    + " printable characters");
        }
    }

    private static boolean isAbsoluteIri(String value) {
        try {
            return URI.create(value).isAbsolute();
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
