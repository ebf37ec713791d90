package io.learnstack.command.enrolments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.learnstack.command.fuzz.HostileJson;
import io.learnstack.security.Client;
import io.learnstack.security.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any enrolment, withdrawal or completion body is answered 2xx or 4xx, with the desk stubbed. */
class EnrolmentRequestFuzzTest {

    private static final String ENROLMENT = """
            {"agent":{"mbox":"mailto:ada@example.org"},"course":"https://rto.example/courses/first-aid",
             "offering":"2026-S1","cohort":"2026-02","enrolled":"2026-02-03T09:00:00Z","id":"e-1"}""";

    private final MockMvc mvc;

    EnrolmentRequestFuzzTest() {
        EnrolmentDesk desk = mock(EnrolmentDesk.class);
        when(desk.enrol(anyString(), any())).thenReturn(new Enrolled("e-1", false, true, "mbox:mailto:ada@example.org"));
        mvc = MockMvcBuilders.standaloneSetup(new EnrolmentController(desk, EnrolmentProperties.defaults()))
                .setControllerAdvice(new EnrolmentErrorHandler()).build();
    }

    @Property(tries = 500)
    void anEnrolmentBodyIsAnsweredWithoutAServerError(@ForAll("bodies") String body) throws Exception {
        assertAnswered(post("/api/enrolments"), body);
    }

    @Property(tries = 250)
    void aWithdrawalOrCompletionIsAnsweredWithoutAServerError(@ForAll("ids") String id,
            @ForAll("bodies") String body) throws Exception {
        assertAnswered(post("/api/enrolments/{id}/withdrawal", id), body);
        assertAnswered(post("/api/enrolments/{id}/completion", id), body);
    }

    @Provide
    Arbitrary<String> bodies() {
        return HostileJson.jsonTexts(Arbitraries.oneOf(HostileJson.mutationsOf(ENROLMENT,
                "{\"reason\":\"moved\",\"at\":\"2026-03-01T00:00:00Z\",\"success\":true}"), HostileJson.trees(3)));
    }

    @Provide
    Arbitrary<String> ids() {
        return HostileJson.texts().filter(id -> !id.isEmpty());
    }

    private void assertAnswered(MockHttpServletRequestBuilder request, String body) throws Exception {
        MvcResult result = mvc.perform(request.requestAttr(Client.ATTRIBUTE, new Client("demo", "demo", Set.of(Role.REGISTRAR)))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s answered %s", body, result.getResolvedException())
                .isBetween(200, 499);
    }
}
