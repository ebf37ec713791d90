package io.learnstack.command.enrolments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.learnstack.security.ClientProperties;

/** The enrolment API's HTTP side: bodies, tenant, status codes and error shapes, with the desk stubbed. */
@WebMvcTest(controllers = EnrolmentController.class,
        properties = "learnstack.enrolments.tenants.harbour-rto.re-enrolment-window=P6M")
@EnableConfigurationProperties({EnrolmentProperties.class, ClientProperties.class})
class EnrolmentControllerTest {

    private static final String COURSE = "https://example.org/courses/first-aid";
    private static final String ADA = "mbox:mailto:ada@example.org";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private EnrolmentDesk desk;

    @Test
    void anEnrolmentIsCreatedForTheClientsTenantWithItsWindow() throws Exception {
        when(desk.enrol(eq("harbour-rto"), any())).thenReturn(new Enrolled("e1", true, true, ADA));

        mvc.perform(json(post("/api/enrolments"), "harbour",
                        "{\"agent\":{\"mbox\":\"mailto:ada@example.org\"},\"course\":\"" + COURSE + "\","
                                + "\"offering\":\"2026-S1\",\"enrolled\":\"2026-02-03T09:00:00Z\",\"id\":\"e1\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/enrolments/e1"))
                .andExpect(jsonPath("$.enrolmentId").value("e1"))
                .andExpect(jsonPath("$.reEnrolment").value(true));

        ArgumentCaptor<EnrolLearner> sent = ArgumentCaptor.forClass(EnrolLearner.class);
        verify(desk).enrol(eq("harbour-rto"), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new EnrolLearner(
                LearnerEnrolmentsAggregate.aggregateIdOf("harbour-rto", ADA), "harbour-rto", ADA, "e1", COURSE,
                "2026-S1", "2026-02", Instant.parse("2026-02-03T09:00:00Z"), null, Period.ofMonths(6)));
    }

    @Test
    void anEnrolmentThatExistedIsAnsweredWithOk() throws Exception {
        when(desk.enrol(eq("demo"), any())).thenReturn(new Enrolled("e1", false, false, ADA));

        mvc.perform(json(post("/api/enrolments"), "demo",
                        "{\"learner\":\"" + ADA + "\",\"course\":\"" + COURSE + "\",\"id\":\"e1\",\"cohort\":\"2026-02\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reEnrolment").value(false));
    }

    @Test
    void aBadBodyIsABadRequestWithAMessage() throws Exception {
        mvc.perform(json(post("/api/enrolments"), "demo", "{\"learner\":\"" + ADA + "\",\"course\":\"first aid\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-request"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("course")));
        mvc.perform(json(post("/api/enrolments"), "demo", "{\"course\":\"" + COURSE + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/enrolments"), "demo",
                        "{\"learner\":\"" + ADA + "\",\"course\":\"" + COURSE + "\",\"cohort\":\"Feb\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/enrolments"), "demo",
                        "{\"learner\":\"" + ADA + "\",\"course\":\"" + COURSE + "\",\"enrolled\":\"yesterday\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/enrolments"), "demo", "{\"agent\":{\"name\":\"Ada\"},\"course\":\"" + COURSE + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/enrolments"), "demo", "{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-json"));
        verifyNoInteractions(desk);
    }

    @Test
    void aWithdrawalNamesTheEnrolment() throws Exception {
        mvc.perform(json(post("/api/enrolments/e1/withdrawal"), "demo",
                        "{\"reason\":\"moved away\",\"at\":\"2026-03-01T00:00:00Z\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("withdrawn"));

        verify(desk).withdraw("demo", "e1", "moved away", Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void aCompletionOfAnUnknownEnrolmentIsNotFound() throws Exception {
        when(desk.complete(eq("demo"), eq("e9"), eq(true), any())).thenThrow(EnrolmentRefusedException.notFound("e9"));

        mvc.perform(json(post("/api/enrolments/e9/completion"), "demo", "{\"success\":true}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not-found"))
                .andExpect(jsonPath("$.message").value("no enrolment e9"));
    }

    @Test
    void completingAWithdrawnEnrolmentIsAConflict() throws Exception {
        when(desk.complete(eq("demo"), eq("e1"), isNull(), any()))
                .thenThrow(EnrolmentRefusedException.conflict("enrolment e1 was withdrawn"));

        mvc.perform(json(post("/api/enrolments/e1/completion"), "demo", "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("enrolment e1 was withdrawn"));
    }

    @Test
    void aKeyIsNeeded() throws Exception {
        mvc.perform(post("/api/enrolments").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String key, String body) {
        String credentials = java.util.Base64.getEncoder().encodeToString((key + ":" + key).getBytes());
        return request.header("Authorization", "Basic " + credentials).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
