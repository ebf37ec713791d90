package io.learnstack.command.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.learnstack.command.documents.DocumentRefusedException.Reason;
import io.learnstack.command.documents.Preconditions.Unconditional;
import io.learnstack.security.ClientProperties;
import io.learnstack.events.DocumentKind;

/** The document resources' HTTP side: parameters, headers and status codes, with the intake stubbed. */
@WebMvcTest(controllers = DocumentController.class, properties = "learnstack.documents.max-size=1KB")
@EnableConfigurationProperties({DocumentProperties.class, ClientProperties.class})
class DocumentControllerTest {

    private static final String ACTIVITY = "http://www.example.com/activityId/hashset";
    private static final String AGENT = "{\"objectType\":\"Agent\",\"account\":"
            + "{\"homePage\":\"http://www.example.com/agentId/1\",\"name\":\"Rick James\"}}";
    private static final String AGENT_KEY = "account:http://www.example.com/agentId/1|Rick James";
    private static final String ETAG = "\"3f786850e387550fdab836ed7e6dc881de23001b\"";

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private DocumentIntake intake;

    @BeforeEach
    void answer() {
        when(intake.write(any())).thenReturn(ETAG);
    }

    @Nested
    class Success {

        @Test
        void aPutIsStoredAsSentAndAnsweredWithItsETag() throws Exception {
            mvc.perform(xapi(put(state("stateId=bookmark&registration=D1F7C5A4-3C2B-4A1E-9F0D-2B6C8E7A5F31")))
                            .contentType("application/octet-stream").content(new byte[] {1, 2, 3}))
                    .andExpect(status().isNoContent())
                    .andExpect(header().string("ETag", ETAG));

            StoreDocument command = (StoreDocument) sent();
            assertThat(command.scope()).isEqualTo(new DocumentScope("demo", DocumentKind.STATE, ACTIVITY, AGENT_KEY,
                    "d1f7c5a4-3c2b-4a1e-9f0d-2b6c8e7a5f31"));
            assertThat(command.documentId()).isEqualTo("bookmark");
            assertThat(command.contentType()).isEqualTo("application/octet-stream");
            assertThat(command.content()).containsExactly(1, 2, 3);
        }

        @Test
        void aDocumentSentWithoutContentTypeIsKeptAsOctetStream() throws Exception {
            mvc.perform(xapi(put(state("stateId=bookmark"))).content("chapter 3"))
                    .andExpect(status().isNoContent());

            assertThat(((StoreDocument) sent()).contentType()).isEqualTo("application/octet-stream");
        }

        @Test
        void aPostMergesIntoTheNamedProfile() throws Exception {
            mvc.perform(xapi(post("/xapi/agents/profile?agent=" + encoded(AGENT) + "&profileId=prefs"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"en-AU\"}"))
                    .andExpect(status().isNoContent());

            MergeDocument command = (MergeDocument) sent();
            assertThat(command.scope()).isEqualTo(new DocumentScope("demo", DocumentKind.AGENT_PROFILE, null,
                    AGENT_KEY, null));
            assertThat(command.documentId()).isEqualTo("prefs");
        }

        @Test
        void aStateDeleteWithoutStateIdDeletesTheScope() throws Exception {
            when(intake.write(any())).thenReturn(null);

            mvc.perform(xapi(delete(state(""))))
                    .andExpect(status().isNoContent())
                    .andExpect(header().doesNotExist("ETag"));

            assertThat(sent()).isEqualTo(new DeleteDocuments(
                    new DocumentScope("demo", DocumentKind.STATE, ACTIVITY, AGENT_KEY, null),
                    ((DeleteDocuments) sent()).deleted()));
        }

        @Test
        void aDeleteNamesOneProfile() throws Exception {
            mvc.perform(xapi(delete("/xapi/activities/profile?activityId=" + ACTIVITY + "&profileId=p1")))
                    .andExpect(status().isNoContent());

            assertThat(((DeleteDocument) sent()).documentId()).isEqualTo("p1");
        }
    }

    @Nested
    class Preconditions {

        @Test
        void ifMatchAndIfNoneMatchReachTheAggregate() throws Exception {
            mvc.perform(xapi(put(state("stateId=bookmark"))).header("If-Match", ETAG + ", W/\"abc\"")
                            .header("If-None-Match", "*").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isNoContent());

            StoreDocument command = (StoreDocument) sent();
            assertThat(command.preconditions().ifMatch()).containsExactly(ETAG, "\"abc\"");
            assertThat(command.preconditions().ifNoneMatch()).containsExactly("*");
        }

        @Test
        void aStatePutUnder103MayReplaceWithoutPrecondition() throws Exception {
            mvc.perform(xapi(put(state("stateId=bookmark"))).content("x")).andExpect(status().isNoContent());

            assertThat(((StoreDocument) sent()).preconditions().unconditional()).isEqualTo(Unconditional.ALLOWED);
        }

        @Test
        void aStatePutUnder20MayNotReplaceWithoutPrecondition() throws Exception {
            mvc.perform(xapi(put(state("stateId=bookmark")), "2.0.0").content("x"))
                    .andExpect(status().isNoContent());

            assertThat(((StoreDocument) sent()).preconditions().unconditional())
                    .isEqualTo(Unconditional.CONFLICTS_WITH_EXISTING);
        }

        @Test
        void aProfilePutUnder103MustNameAPrecondition() throws Exception {
            mvc.perform(xapi(put("/xapi/activities/profile?activityId=" + ACTIVITY + "&profileId=p1")).content("x"))
                    .andExpect(status().isNoContent());

            assertThat(((StoreDocument) sent()).preconditions().unconditional()).isEqualTo(Unconditional.REFUSED);
        }

        @Test
        void postsAndDeletesWithoutPreconditionAreAllowed() throws Exception {
            mvc.perform(xapi(delete("/xapi/agents/profile?agent=" + encoded(AGENT) + "&profileId=p1")))
                    .andExpect(status().isNoContent());

            assertThat(((DeleteDocument) sent()).preconditions().unconditional()).isEqualTo(Unconditional.ALLOWED);
        }

        @Test
        void aPreconditionOnAWholeScopeIsRefused() throws Exception {
            mvc.perform(xapi(delete(state(""))).header("If-Match", ETAG))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message", containsString("stateId")));

            verify(intake, never()).write(any());
        }
    }

    @Nested
    class Refusals {

        @Test
        void aConflictIs409() throws Exception {
            refusedWith(Reason.CONFLICT);
            mvc.perform(xapi(put(state("stateId=s"))).content("x"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.message").value("refused"));
        }

        @Test
        void aFailedPreconditionIs412() throws Exception {
            refusedWith(Reason.PRECONDITION_FAILED);
            mvc.perform(xapi(put(state("stateId=s"))).content("x")).andExpect(status().isPreconditionFailed());
        }

        @Test
        void aMissingPreconditionIs400() throws Exception {
            refusedWith(Reason.PRECONDITION_REQUIRED);
            mvc.perform(xapi(put(state("stateId=s"))).content("x")).andExpect(status().isBadRequest());
        }

        @Test
        void aDocumentOverTheSizeLimitIs413() throws Exception {
            mvc.perform(xapi(put(state("stateId=s"))).content(new byte[1025]))
                    .andExpect(status().isPayloadTooLarge());

            verify(intake, never()).write(any());
        }

        private void refusedWith(Reason reason) {
            when(intake.write(any())).thenThrow(new DocumentRefusedException(reason, "refused"));
        }
    }

    @Nested
    class BadRequests {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "agent=AGENT&stateId=s",                                  // no activityId
                "activityId=ACTIVITY&stateId=s",                          // no agent
                "activityId=ACTIVITY&agent=AGENT",                        // no stateId
                "activityId=ACTIVITY&agent=AGENT&stateId=",               // empty stateId
                "activityId=not%20an%20iri&agent=AGENT&stateId=s",
                "activityId=ACTIVITY&agent=not%20JSON&stateId=s",
                "activityId=ACTIVITY&agent=true&stateId=s",
                "activityId=ACTIVITY&agent=%7B%22objectType%22%22Agent%22%7D&stateId=s",   // broken JSON
                "activityId=ACTIVITY&agent=%7B%22mbox%22%3A%22mailto%3Aa%40b.c%22%2C%22openid%22%3A%22http%3A%2F%2Fa.b%2F%22%7D&stateId=s",
                "activityId=ACTIVITY&agent=%7B%22mbox%22%3A%22a%40b.c%22%7D&stateId=s",     // mbox without mailto:
                "activityId=ACTIVITY&agent=%7B%22objectType%22%3A%22Group%22%2C%22member%22%3A%5B%7B%22mbox%22%3A%22mailto%3Aa%40b.c%22%7D%5D%7D&stateId=s",
                "activityId=ACTIVITY&agent=AGENT&stateId=s&registration=true",
                "activityId=ACTIVITY&agent=AGENT&StateId=s",              // names are case-sensitive
                "activityId=ACTIVITY&agent=AGENT&stateId=s&since=2024-01-01T00:00:00Z",
                "activityId=ACTIVITY&agent=AGENT&stateId=s&stateId=t",
                "activityId=ACTIVITY&agent=AGENT&stateId=%zz",
        })
        void aStatePutWithBadParametersIsRefusedBeforeAnythingIsDecided(String query) throws Exception {
            String resolved = query.replace("ACTIVITY", ACTIVITY).replace("AGENT", encoded(AGENT));
            mvc.perform(xapi(put("/xapi/activities/state?" + resolved)).content("x"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").isNotEmpty());

            verify(intake, never()).write(any());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "/xapi/activities/profile?activityId=ACTIVITY",
                "/xapi/activities/profile?profileId=p",
                "/xapi/activities/profile?activityId=ACTIVITY&profileId=p&agent=AGENT",
                "/xapi/agents/profile?agent=AGENT",
                "/xapi/agents/profile?profileId=p",
                "/xapi/agents/profile?agent=AGENT&profileId=p&activityId=ACTIVITY",
        })
        void profileWritesNeedTheirOwnParameters(String uri) throws Exception {
            String resolved = uri.replace("ACTIVITY", ACTIVITY).replace("AGENT", encoded(AGENT));
            for (MockHttpServletRequestBuilder request : List.of(put(resolved), post(resolved), delete(resolved))) {
                mvc.perform(xapi(request).header("If-None-Match", "*").content("x"))
                        .andExpect(status().isBadRequest());
            }
            verify(intake, never()).write(any());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"{\"a\":1}{", "[1,2]", "\"abc\"", "not json", ""})
        void aJsonPostMustBeAJsonObject(String body) throws Exception {
            mvc.perform(xapi(post(state("stateId=s"))).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message", containsString("posted document")));

            verify(intake, never()).write(any());
        }

        @Test
        void theVersionHeaderIsRequired() throws Exception {
            mvc.perform(put(state("stateId=s")).header("Authorization", basic()).content("x"))
                    .andExpect(status().isBadRequest());

            verify(intake, never()).write(any());
        }
    }

    @Test
    void anUnauthenticatedWriteIs401() throws Exception {
        mvc.perform(put(state("stateId=s")).header("X-Experience-API-Version", "1.0.3").content("x"))
                .andExpect(status().isUnauthorized());
    }

    private DocumentCommand sent() {
        ArgumentCaptor<DocumentCommand> command = ArgumentCaptor.forClass(DocumentCommand.class);
        verify(intake).write(command.capture());
        return command.getValue();
    }

    private static String state(String more) {
        return "/xapi/activities/state?activityId=" + ACTIVITY + "&agent=" + encoded(AGENT)
                + (more.isEmpty() ? "" : "&" + more);
    }

    private static MockHttpServletRequestBuilder xapi(MockHttpServletRequestBuilder request) {
        return xapi(request, "1.0.3");
    }

    private static MockHttpServletRequestBuilder xapi(MockHttpServletRequestBuilder request, String version) {
        return request.header("Authorization", basic()).header("X-Experience-API-Version", version);
    }

    private static MockHttpServletRequestBuilder put(String uri) {
        return request(HttpMethod.PUT, uri);
    }

    private static MockHttpServletRequestBuilder post(String uri) {
        return request(HttpMethod.POST, uri);
    }

    private static MockHttpServletRequestBuilder delete(String uri) {
        return request(HttpMethod.DELETE, uri);
    }

    /** The query string goes in as written, malformed escapes included, as a servlet container passes it on. */
    private static MockHttpServletRequestBuilder request(HttpMethod method, String uri) {
        int question = uri.indexOf('?');
        String query = question < 0 ? null : uri.substring(question + 1);
        return MockMvcRequestBuilders.request(method, question < 0 ? uri : uri.substring(0, question))
                .with(request -> {
                    request.setQueryString(query);
                    return request;
                });
    }

    private static String basic() {
        return "Basic ZGVtbzpkZW1v";
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
