package io.learnstack.command.awards;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.mockito.Mockito;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.learnstack.security.ClientProperties;

/** The award resources' HTTP side: authentication, bodies and status codes, with the intake stubbed. */
@WebMvcTest(controllers = {AwardController.class, InternalAwardController.class},
        properties = "learnstack.internal.token=s3cret-token")
@EnableConfigurationProperties(ClientProperties.class)
@Import(AwardControllerTest.Urls.class)
class AwardControllerTest {

    private static final String AWARD = "6c1d1e4a-3f0e-3b8a-9a55-2d8f1f0c0a11";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final Instant ELIGIBLE = Instant.parse("2026-11-24T09:00:00Z");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private AwardIntake intake;

    /** Nested tests share the context; each starts from a fresh stub. */
    @BeforeEach
    void forgetEarlierRequests() {
        Mockito.reset(intake);
    }

    @TestConfiguration
    static class Urls {

        @Bean
        PublicUrls publicUrls() {
            return new PublicUrls("https://lrs.example");
        }
    }

    @Nested
    class Internal {

        private static final String BODY = "{\"tenant\":\"demo\",\"credentialId\":\"first-aid\","
                + "\"learnerKey\":\"" + ADA + "\",\"eligibleAt\":\"2026-11-24T09:00:00Z\"}";

        @Test
        void aNewAwardIsCreated() throws Exception {
            when(intake.issue("demo", "first-aid", ADA, ELIGIBLE, null)).thenReturn(new Issuance(AWARD, true));

            mvc.perform(internal(BODY).header(HttpHeaders.AUTHORIZATION, "Bearer s3cret-token"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.awardId").value(AWARD))
                    .andExpect(jsonPath("$.url").value("https://lrs.example/credentials/" + AWARD));
        }

        @Test
        void anAwardIssuedBeforeIsAnsweredWith200AndTheSameBody() throws Exception {
            when(intake.issue("demo", "first-aid", ADA, ELIGIBLE, null)).thenReturn(new Issuance(AWARD, false));

            mvc.perform(internal(BODY).header(HttpHeaders.AUTHORIZATION, "Bearer s3cret-token"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.awardId").value(AWARD))
                    .andExpect(jsonPath("$.url").value("https://lrs.example/credentials/" + AWARD));
        }

        @Test
        void withoutTheTokenNothingIsIssued() throws Exception {
            mvc.perform(internal(BODY)).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").value("unauthorized"));
            mvc.perform(internal(BODY).header(HttpHeaders.AUTHORIZATION, "Bearer s3cret-toke"))
                    .andExpect(status().isUnauthorized());
            mvc.perform(internal(BODY).header(HttpHeaders.AUTHORIZATION, "Basic ZGVtbzpkZW1v"))
                    .andExpect(status().isUnauthorized());

            verifyNoInteractions(intake);
        }

        @Test
        void anUnknownCredentialIsNotFound() throws Exception {
            when(intake.issue(anyString(), anyString(), anyString(), any(), isNull()))
                    .thenThrow(new AwardNotFoundException("the catalogue has no credential 'first-aid'"));

            mvc.perform(internal(BODY).header(HttpHeaders.AUTHORIZATION, "Bearer s3cret-token"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("not-found"))
                    .andExpect(jsonPath("$.message").value("the catalogue has no credential 'first-aid'"));
        }

        @Test
        void missingOrMalformedFieldsAreRefused() throws Exception {
            for (String body : new String[] {"{\"tenant\":\"demo\",\"credentialId\":\"first-aid\",\"learnerKey\":\"x\"}",
                    BODY.replace("2026-11-24T09:00:00Z", "yesterday"), BODY.replace("\"demo\"", "42"), "[1]",
                    "{not json", ""}) {
                mvc.perform(internal(body).header(HttpHeaders.AUTHORIZATION, "Bearer s3cret-token"))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.error").value("bad-request"));
            }
            verifyNoInteractions(intake);
        }

        private MockHttpServletRequestBuilder internal(String body) {
            return post("/internal/awards").contentType(MediaType.APPLICATION_JSON).content(body);
        }
    }

    @Nested
    class Approval {

        @Test
        void theCatalogueIssuesForItsOwnTenantAndIsNamedAsApprover() throws Exception {
            when(intake.issue("harbour-rto", "first-aid", ADA, ELIGIBLE, "harbour")).thenReturn(new Issuance(AWARD, true));

            mvc.perform(post("/api/credentials/first-aid/awards").with(basic("harbour"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learner\":\"" + ADA + "\",\"eligibleAt\":\"2026-11-24T09:00:00Z\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string(HttpHeaders.LOCATION, "https://lrs.example/credentials/" + AWARD))
                    .andExpect(jsonPath("$.awardId").value(AWARD));
        }

        @Test
        void aLearnerMayBeNamedByAnAgentAndEligibilityIsOptional() throws Exception {
            when(intake.issue("demo", "first-aid", ADA, null, "demo")).thenReturn(new Issuance(AWARD, false));

            mvc.perform(post("/api/credentials/first-aid/awards").with(basic("demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"agent\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.awardId").value(AWARD));
        }

        @Test
        void aLearnerMustBeNamedOnce() throws Exception {
            mvc.perform(post("/api/credentials/first-aid/awards").with(basic("demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learner\":\"" + ADA + "\",\"agent\":{\"mbox\":\"mailto:ada@example.org\"}}"))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/api/credentials/first-aid/awards").with(basic("demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"agent\":{\"name\":\"Ada\"}}"))
                    .andExpect(status().isBadRequest());
            verifyNoInteractions(intake);
        }

        @Test
        void withoutAKeyNothingIsIssued() throws Exception {
            mvc.perform(post("/api/credentials/first-aid/awards").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learner\":\"" + ADA + "\"}"))
                    .andExpect(status().isUnauthorized());
            verifyNoInteractions(intake);
        }
    }

    @Nested
    class Revocation {

        @Test
        void theIssuerRevokes() throws Exception {
            mvc.perform(post("/api/awards/" + AWARD + "/revocation").with(basic("demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"issued in error\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.awardId").value(AWARD))
                    .andExpect(jsonPath("$.revoked").value(true));

            verify(intake).revoke("demo", AWARD, "issued in error", "demo");
        }

        @Test
        void anotherTenantsAwardIsNotFound() throws Exception {
            doThrow(new AwardNotFoundException("no award " + AWARD)).when(intake)
                    .revoke(eq("harbour-rto"), eq(AWARD), any(), eq("harbour"));

            mvc.perform(post("/api/awards/" + AWARD + "/revocation").with(basic("harbour"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"not ours\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("not-found"));
        }

        @Test
        void aReasonMustBeText() throws Exception {
            mvc.perform(post("/api/awards/" + AWARD + "/revocation").with(basic("demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":42}"))
                    .andExpect(status().isBadRequest());
            verify(intake, never()).revoke(any(), any(), any(), any());
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String key) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((key + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return request;
        };
    }
}
