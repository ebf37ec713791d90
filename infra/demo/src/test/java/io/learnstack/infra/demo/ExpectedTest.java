package io.learnstack.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExpectedTest {

    private static final Tenant DEMO = Tenant.EMBEDDED.get(0);
    private static final Map<String, Course> COURSES = Catalogue.courses(DEMO);

    private static Plan.Enrolment enrolment(String course, String enrolled, Plan.Outcome outcome, int days,
            int unitsReached) {
        Course c = COURSES.get(course);
        Instant start = Instant.parse(enrolled);
        List<Plan.Activity> activities = new ArrayList<>();
        for (int u = 0; u < unitsReached; u++) {
            activities.add(new Plan.Activity(Plan.nameUuid(enrolled + course + u), Plan.Verb.EXPERIENCED,
                    c.units().get(u), null, start.plus(Duration.ofDays(u + 1))));
        }
        Instant ended = outcome == Plan.Outcome.IN_PROGRESS ? null : start.plus(Duration.ofDays(days));
        return new Plan.Enrolment(Plan.nameUuid(enrolled + course), c, start, outcome, ended, activities);
    }

    private static Plan.Learner learner(String name, Plan.Enrolment... enrolments) {
        return new Plan.Learner(DEMO, name + "@demo.example", List.of(enrolments));
    }

    @Test
    void countsOutcomesReEnrolmentsTransitionsAndDropOffFromThePlan() {
        // given
        Plan plan = new Plan(List.of(
                // finished CPR, came back for WHS 40 days later: a re-enrolment
                learner("ada", enrolment(Catalogue.CPR, "2025-02-01T09:00:00Z", Plan.Outcome.COMPLETED, 10, 1),
                        enrolment(Catalogue.WHS, "2025-03-23T09:00:00Z", Plan.Outcome.COMPLETED, 30, 2)),
                // left Cert III in its second unit, came back two years later: not a re-enrolment
                learner("bo", enrolment(Catalogue.CERT3, "2025-01-10T09:00:00Z", Plan.Outcome.WITHDRAWN, 20, 2),
                        enrolment(Catalogue.CERT4, "2027-02-01T09:00:00Z", Plan.Outcome.IN_PROGRESS, 0, 1)),
                // the same move as ada, and still at it
                learner("cy", enrolment(Catalogue.CPR, "2025-05-01T09:00:00Z", Plan.Outcome.WITHDRAWN, 5, 1),
                        enrolment(Catalogue.WHS, "2026-05-01T09:00:00Z", Plan.Outcome.IN_PROGRESS, 0, 1))));

        // when
        Expected.TenantFigures figures = Expected.of(plan).tenants().get("demo");

        // then
        assertThat(figures.learners()).isEqualTo(3);
        assertThat(figures.enrolments()).isEqualTo(6);
        assertThat(figures.completed()).isEqualTo(2);
        assertThat(figures.withdrawn()).isEqualTo(2);
        assertThat(figures.inProgress()).isEqualTo(2);
        assertThat(figures.completionRate()).isEqualTo(0.3333);
        assertThat(figures.reEnrolments()).isEqualTo(2);
        assertThat(figures.reEnrolmentRate()).isEqualTo(0.5);
        assertThat(figures.transitions()).containsExactly(
                new Expected.Transition(COURSES.get(Catalogue.CPR).iri(), COURSES.get(Catalogue.WHS).iri(), 2),
                new Expected.Transition(COURSES.get(Catalogue.CERT3).iri(), COURSES.get(Catalogue.CERT4).iri(), 1));
        assertThat(figures.dropOff()).containsExactlyInAnyOrder(
                new Expected.DropOff(COURSES.get(Catalogue.CERT3).iri(),
                        COURSES.get(Catalogue.CERT3).units().get(1).iri(), 1),
                new Expected.DropOff(COURSES.get(Catalogue.CPR).iri(), COURSES.get(Catalogue.CPR).units().get(0).iri(), 1));
        assertThat(Expected.of(plan).tenants().get("harbour-rto").enrolments()).isZero();
    }

    @Test
    void aReEnrolmentOnTheLastDayOfTheWindowCountsAndOneDayLaterDoesNot() {
        Plan.Enrolment first = enrolment(Catalogue.CPR, "2025-01-01T09:00:00Z", Plan.Outcome.COMPLETED, 1, 1);
        Instant edge = first.ended().plus(Plan.RE_ENROLMENT_WINDOW);
        Plan within = new Plan(List.of(learner("a", first,
                enrolment(Catalogue.WHS, edge.toString(), Plan.Outcome.IN_PROGRESS, 0, 0))));
        Plan after = new Plan(List.of(learner("a", first,
                enrolment(Catalogue.WHS, edge.plusSeconds(86_400).toString(), Plan.Outcome.IN_PROGRESS, 0, 0))));

        assertThat(Expected.of(within).tenants().get("demo").reEnrolments()).isEqualTo(1);
        assertThat(Expected.of(after).tenants().get("demo").reEnrolments()).isZero();
    }

    @Test
    void theGeneratedPlansFiguresAddUp(@TempDir Path dir) throws Exception {
        // given
        Plan plan = Plan.generate(300, 3);

        // when
        Path file = dir.resolve("out/expected.json");
        DemoData.writeExpected(Expected.of(plan), file);

        // then
        JsonNode tenants = new ObjectMapper().readTree(Files.readString(file)).get("tenants");
        int learners = 0;
        for (String tenant : List.of("demo", "northside-rto", "harbour-rto")) {
            JsonNode figures = tenants.get(tenant);
            learners += figures.get("learners").asInt();
            assertThat(figures.get("completed").asInt() + figures.get("withdrawn").asInt()
                    + figures.get("inProgress").asInt()).isEqualTo(figures.get("enrolments").asInt());
            assertThat(figures.get("completionRate").asDouble()).isCloseTo(
                    figures.get("completed").asDouble() / figures.get("enrolments").asInt(),
                    org.assertj.core.data.Offset.offset(0.0001));
            assertThat(figures.get("transitions").size()).isPositive();
        }
        assertThat(learners).isEqualTo(300);
    }
}
