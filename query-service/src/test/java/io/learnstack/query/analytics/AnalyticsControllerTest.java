package io.learnstack.query.analytics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.ClientProperties;

/** The analytics API's HTTP side: tenant, filters, pages, CSV and errors, over stubbed read models. */
@WebMvcTest(controllers = {AnalyticsController.class, OpenApiController.class})
@EnableConfigurationProperties(ClientProperties.class)
class AnalyticsControllerTest {

    private static final String FIRST_AID = "https://rto.example/courses/first-aid";
    private static final String CPR = "https://rto.example/courses/cpr, advanced";
    private static final Instant JAN = Instant.parse("2026-01-05T00:00:00Z");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private ReadBarrier barrier;
    @MockitoBean
    private AnalyticsReader reader;

    @BeforeEach
    void readModels() {
        Step first = new Step("a1", FIRST_AID, null, "2026-01", JAN, JAN.plusSeconds(86_400 * 10), "completed", true, null,
                "a2", null);
        Step second = new Step("a2", CPR, null, "2026-01", JAN.plusSeconds(86_400 * 12), null, null, null, "a1", null, null);
        Step other = new Step("b1", FIRST_AID, null, "2026-02", JAN.plusSeconds(86_400 * 40), null, null, null, null, null,
                null);
        when(reader.tenant("harbour-rto")).thenReturn(List.of(new LearnerSteps("mbox:mailto:ada@example.org",
                List.of(first, second)), new LearnerSteps("mbox:mailto:bo@example.org", List.of(other))));
        when(reader.learner("harbour-rto", "mbox:mailto:ada@example.org"))
                .thenReturn(Optional.of(new LearnerSteps("mbox:mailto:ada@example.org", List.of(first, second))));
    }

    @Test
    void theSummaryIsTheClientsTenantsAfterTheReadBarrier() throws Exception {
        mvc.perform(analyst(get("/api/analytics/summary")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learners").value(2))
                .andExpect(jsonPath("$.enrolments").value(3))
                .andExpect(jsonPath("$.completionRate").value(0.3333))
                .andExpect(jsonPath("$.reEnrolmentRate").value(1.0));
        verify(barrier).await();
    }

    @Test
    void completionRatesArePagedWithAMoreLink() throws Exception {
        mvc.perform(analyst(get("/api/analytics/completion-rates?interval=month&limit=2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].period").value("2026-01"))
                .andExpect(jsonPath("$.more").value(containsString("/api/analytics/completion-rates?interval=month&limit=2&cursor=")));
        String more = mvc.perform(analyst(get("/api/analytics/completion-rates?interval=month&limit=2")))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"more\":\"([^\"]+)\".*", "$1");
        mvc.perform(analyst(get(more)))
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].period").value("2026-02"))
                .andExpect(jsonPath("$.more").value(nullValue()));
    }

    @Test
    void aTableIsCsvWithFormatCsv() throws Exception {
        mvc.perform(analyst(get("/api/analytics/transitions?format=csv")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"transitions.csv\""))
                .andExpect(content().string("from,to,learners,medianGapDays\r\n"
                        + FIRST_AID + ",\"" + CPR + "\",1,2.0\r\n"));
    }

    @Test
    void aTableIsCsvWhenTheClientAcceptsCsv() throws Exception {
        mvc.perform(analyst(get("/api/analytics/pathways")).header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().string("pathway,learners\r\n" + FIRST_AID + ",1\r\n"
                        + "\"" + FIRST_AID + " > " + CPR + "\",1\r\n"));
    }

    @Test
    void aLearnersPathwayByAgent() throws Exception {
        mvc.perform(analyst(get("/api/analytics/learners/pathway").param("agent", "{\"mbox\":\"mailto:ada@example.org\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learner").value("mbox:mailto:ada@example.org"))
                .andExpect(jsonPath("$.steps[0].course").value(FIRST_AID))
                .andExpect(jsonPath("$.steps[0].outcome").value("completed"))
                .andExpect(jsonPath("$.steps[0].enrolled").value("2026-01-05T00:00:00Z"))
                .andExpect(jsonPath("$.steps[1].reEnrolment").value(true));
    }

    @Test
    void badParametersAreBadRequestsBeforeAnyRead() throws Exception {
        mvc.perform(analyst(get("/api/analytics/completion-rates?interval=week")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-parameter"))
                .andExpect(jsonPath("$.message").value(containsString("interval must be one of [month, year]")));
        mvc.perform(analyst(get("/api/analytics/drop-off?from=yesterday"))).andExpect(status().isBadRequest());
        mvc.perform(analyst(get("/api/analytics/transitions?limit=5000"))).andExpect(status().isBadRequest());
        mvc.perform(analyst(get("/api/analytics/transitions?cursor=%%%"))).andExpect(status().isBadRequest());
        mvc.perform(analyst(get("/api/analytics/summary?cohort=Jan"))).andExpect(status().isBadRequest());
        mvc.perform(analyst(get("/api/analytics/learners/pathway"))).andExpect(status().isBadRequest());
        mvc.perform(analyst(get("/api/analytics/pathways?format=csv&limit=0")).header("Accept", "text/csv"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(reader);
    }

    @Test
    void analyticsNeedAKeyButTheDescriptionIsPublic() throws Exception {
        mvc.perform(get("/api/analytics/summary")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value("3.0.3"))
                .andExpect(jsonPath("$.paths['/api/enrolments'].post").exists())
                .andExpect(jsonPath("$.paths['/api/analytics/completion-rates'].get").exists());
    }

    private static MockHttpServletRequestBuilder analyst(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Basic aGFyYm91cjpoYXJib3Vy");
    }
}
