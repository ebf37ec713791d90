package io.learnstack.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.learnstack.command.catalogue.CatalogueRefusedException.Reason;
import io.learnstack.security.ClientProperties;
import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.Requirement;

/** The catalogue's HTTP side: bodies, status codes and error answers, with the intake stubbed. */
@WebMvcTest(controllers = CatalogueController.class, properties = {
        "learnstack.security.clients[0].tenant=northside-rto", "learnstack.security.clients[0].key=catalogue",
        "learnstack.security.clients[0].secret=s", "learnstack.security.clients[0].roles=catalogue,analyst",
        "learnstack.security.clients[1].tenant=northside-rto", "learnstack.security.clients[1].key=analyst",
        "learnstack.security.clients[1].secret=s", "learnstack.security.clients[1].roles=analyst"})
@EnableConfigurationProperties(ClientProperties.class)
class CatalogueControllerTest {

    private static final String FIRST_AID = """
            {"id":"first-aid","name":"Provide first aid","description":"HLTAID011","kind":"skill set",
             "image":"https://rto.example/badges/first-aid.png","validity":"P3Y","issuance":"on-approval",
             "requirement":{"type":"within","window":"P24M","requirement":{"type":"atLeast","count":2,"of":[
               {"type":"activityCompleted","activityId":"https://rto.example/units/HLTAID009"},
               {"type":"assessmentPassed","activityId":"https://rto.example/exams/cpr","minScaledScore":0.8},
               {"type":"anyOf","of":[{"type":"credentialHeld","credentialId":"cpr"}]}]}}}""";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CatalogueIntake intake;

    @Nested
    class Define {

        @Test
        void aDefinitionIsCreatedWithItsLocationAndRevision() throws Exception {
            when(intake.define(any())).thenReturn(1);

            mvc.perform(authorised(post("/api/credentials")).contentType(MediaType.APPLICATION_JSON).content(FIRST_AID))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/credentials/first-aid"))
                    .andExpect(jsonPath("$.id").value("first-aid"))
                    .andExpect(jsonPath("$.revision").value(1));

            ArgumentCaptor<DefineCredential> sent = ArgumentCaptor.forClass(DefineCredential.class);
            verify(intake).define(sent.capture());
            assertThat(sent.getValue().tenant()).isEqualTo("northside-rto");
            assertThat(sent.getValue().draft()).isEqualTo(new CredentialDraft("first-aid", "Provide first aid",
                    "HLTAID011", "https://rto.example/badges/first-aid.png", "skill set",
                    new Requirement.Within(Period.ofMonths(24), new Requirement.AtLeast(2, List.of(
                            new Requirement.ActivityCompleted("https://rto.example/units/HLTAID009"),
                            new Requirement.AssessmentPassed("https://rto.example/exams/cpr", 0.8),
                            new Requirement.AnyOf(List.of(new Requirement.CredentialHeld("cpr")))))),
                    Period.ofYears(3), IssuancePolicy.ON_APPROVAL));
        }

        @Test
        void issuanceIsAutomaticUnlessSaidOtherwise() throws Exception {
            when(intake.define(any())).thenReturn(1);

            mvc.perform(authorised(post("/api/credentials")).content("""
                            {"id":"cpr","name":"CPR","requirement":{"type":"activityCompleted","activityId":"https://rto.example/u"}}"""))
                    .andExpect(status().isCreated());

            ArgumentCaptor<DefineCredential> sent = ArgumentCaptor.forClass(DefineCredential.class);
            verify(intake).define(sent.capture());
            assertThat(sent.getValue().draft().issuance()).isEqualTo(IssuancePolicy.AUTOMATIC);
            assertThat(sent.getValue().draft().validity()).isNull();
        }

        @Test
        void anExistingIdIs409() throws Exception {
            when(intake.define(any())).thenThrow(new CatalogueRefusedException(Reason.EXISTS, "credential 'first-aid' exists"));

            mvc.perform(authorised(post("/api/credentials")).content(FIRST_AID))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error").value("credential-exists"))
                    .andExpect(jsonPath("$.message").value("credential 'first-aid' exists"));
        }

        @Test
        void aCycleIs400NamingIt() throws Exception {
            when(intake.define(any())).thenThrow(CatalogueRefusedException.invalid("credentials would stack in a "
                    + "cycle, so none of them could be earned: a -> b -> a"));

            mvc.perform(authorised(post("/api/credentials")).content(FIRST_AID))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("invalid-definition"))
                    .andExpect(jsonPath("$.message").value(containsString("a -> b -> a")));
        }
    }

    @Nested
    class MalformedBodies {

        @Test
        void anUnknownRequirementTypeIs400() throws Exception {
            refused("""
                    {"id":"x","name":"X","requirement":{"type":"allOff","of":[]}}""",
                    "requirement.type 'allOff' is not a requirement type");
        }

        @Test
        void aFieldANodeDoesNotTakeIs400WithItsPath() throws Exception {
            refused("""
                    {"id":"x","name":"X","requirement":{"type":"allOf","of":[
                      {"type":"activityCompleted","activity":"https://rto.example/u"}]}}""",
                    "requirement.of[0] (activityCompleted) has no field 'activity'");
        }

        @Test
        void aCountThatIsNotANumberIs400() throws Exception {
            refused("""
                    {"id":"x","name":"X","requirement":{"type":"atLeast","count":"two","of":[]}}""",
                    "requirement.count must be a whole number");
        }

        @Test
        void aWindowThatIsNotAPeriodIs400() throws Exception {
            refused("""
                    {"id":"x","name":"X","requirement":{"type":"within","window":"2 years",
                     "requirement":{"type":"activityCompleted","activityId":"https://rto.example/u"}}}""",
                    "requirement.window must be an ISO-8601 period");
        }

        @Test
        void anUnknownIssuanceIs400() throws Exception {
            refused("""
                    {"id":"x","name":"X","issuance":"later",
                     "requirement":{"type":"activityCompleted","activityId":"https://rto.example/u"}}""",
                    "issuance must be automatic or on-approval");
        }

        @Test
        void aDefinitionWithoutIdIs400() throws Exception {
            refused("""
                    {"name":"X","requirement":{"type":"activityCompleted","activityId":"https://rto.example/u"}}""",
                    "id is required");
        }

        @Test
        void aDefinitionWithoutRequirementIs400() throws Exception {
            refused("{\"id\":\"x\",\"name\":\"X\"}", "requirement is required");
        }

        @Test
        void notJsonIs400() throws Exception {
            refused("{\"id\":", "the body is not valid JSON");
        }

        @Test
        void anEmptyBodyIs400() throws Exception {
            refused("", "the body must be a credential definition");
        }

        private void refused(String body, String message) throws Exception {
            mvc.perform(authorised(post("/api/credentials")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("invalid-definition"))
                    .andExpect(jsonPath("$.message").value(containsString(message)));
            verify(intake, never()).define(any());
        }
    }

    @Nested
    class Revise {

        @Test
        void aRevisionAnswersItsNumberAndTakesTheIdFromThePath() throws Exception {
            when(intake.revise(any())).thenReturn(4);

            mvc.perform(authorised(put("/api/credentials/first-aid")).content(FIRST_AID.replace("\"id\":\"first-aid\",", "")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("first-aid"))
                    .andExpect(jsonPath("$.revision").value(4));

            ArgumentCaptor<ReviseCredential> sent = ArgumentCaptor.forClass(ReviseCredential.class);
            verify(intake).revise(sent.capture());
            assertThat(sent.getValue().credentialId()).isEqualTo("first-aid");
        }

        @Test
        void aReadSentBackAsItIsRevisesWithoutItsReadOnlyFields() throws Exception {
            when(intake.revise(any())).thenReturn(3);
            String read = FIRST_AID.replace("\"issuance\":\"on-approval\",", "\"issuance\":\"on-approval\","
                    + "\"revision\":2,\"retired\":false,\"defined\":\"2026-11-24T09:00:00Z\",\"revised\":"
                    + "\"2026-11-24T10:00:00Z\",\"revisions\":[{\"revision\":1,\"at\":\"2026-11-24T09:00:00Z\"}],");

            mvc.perform(authorised(put("/api/credentials/first-aid")).content(read))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.revision").value(3));
        }

        @Test
        void anotherIdInTheBodyIs400() throws Exception {
            mvc.perform(authorised(put("/api/credentials/cpr")).content(FIRST_AID))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(containsString("cannot change")));
        }

        @Test
        void anUnknownCredentialIs404() throws Exception {
            when(intake.revise(any())).thenThrow(new CatalogueRefusedException(Reason.UNKNOWN, "no credential"));

            mvc.perform(authorised(put("/api/credentials/first-aid")).content(FIRST_AID))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("unknown-credential"));
        }

        @Test
        void aRetiredCredentialIs409() throws Exception {
            when(intake.revise(any())).thenThrow(new CatalogueRefusedException(Reason.RETIRED, "retired"));

            mvc.perform(authorised(put("/api/credentials/first-aid")).content(FIRST_AID))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error").value("credential-retired"));
        }
    }

    @Nested
    class Retire {

        @Test
        void aRetirementIs204() throws Exception {
            mvc.perform(authorised(delete("/api/credentials/first-aid")))
                    .andExpect(status().isNoContent());

            ArgumentCaptor<RetireCredential> sent = ArgumentCaptor.forClass(RetireCredential.class);
            verify(intake).retire(sent.capture());
            assertThat(sent.getValue().tenant()).isEqualTo("northside-rto");
            assertThat(sent.getValue().credentialId()).isEqualTo("first-aid");
        }

        @Test
        void anUnknownCredentialIs404() throws Exception {
            doThrow(new CatalogueRefusedException(Reason.UNKNOWN, "no credential 'x'")).when(intake).retire(any());

            mvc.perform(authorised(delete("/api/credentials/x")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message").value("no credential 'x'"));
        }
    }

    @Nested
    class Access {

        @Test
        void withoutCredentialsAWriteIs401() throws Exception {
            mvc.perform(post("/api/credentials").content(FIRST_AID))
                    .andExpect(status().isUnauthorized());
            verify(intake, never()).define(any());
        }

        @Test
        void withoutTheCatalogueRoleAWriteIs403() throws Exception {
            mvc.perform(post("/api/credentials").header("Authorization", basic("analyst")).content(FIRST_AID))
                    .andExpect(status().isForbidden());
            verify(intake, never()).define(any());
        }
    }

    private static MockHttpServletRequestBuilder authorised(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", basic("catalogue"));
    }

    private static String basic(String key) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":s").getBytes());
    }
}
