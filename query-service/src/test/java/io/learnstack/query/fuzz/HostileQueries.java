package io.learnstack.query.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.security.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Hostile query parameters for property tests: the names a resource takes and some it does not, with
 * values that are nearly right (IRIs, agents as JSON, UUIDs, times, numbers) or anything at all.
 */
public final class HostileQueries {

    /** What a read may answer to any parameters: never a 5xx. */
    public static final Set<Integer> ANSWERS = Set.of(200, 204, 400, 404);

    private static final List<String> VALUES = List.of("", " ", "true", "false", "TRUE", "0", "-1", "1", "500", "501",
            "2147483648", "99999999999999999999", "1e3", "1.5", "ids", "exact", "canonical", "month", "week", "day",
            "year", "course", "cohort", "offering", "eligible", "issued", "in-progress", "revoked",
            "http://adlnet.gov/expapi/verbs/completed", "https://rto.example/courses/first-aid", "urn:x", "not an iri",
            "ec531277-b57b-4c15-8d91-d292c5b2b8f7", "EC531277-B57B-4C15-8D91-D292C5B2B8F7", "ec531277b57b4c158d91d292c5b2b8f7",
            "2026-01-01T00:00:00Z", "2026-01-01", "2026-13-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "2026-01-01T00:00:00+25:00", "1969-12-31T23:59:59.999999999Z",
            "{\"mbox\":\"mailto:ada@example.org\"}", "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.org\"}",
            "{\"objectType\":\"Group\",\"member\":[]}", "{\"account\":{\"homePage\":\"http://x\",\"name\":\"a\"}}",
            "{\"account\":{\"homePage\":1,\"name\":[]}}", "{\"mbox\":1}", "{\"mbox_sha1sum\":\"zz\"}",
            "{\"openid\":null}", "{\"mbox\":\"mailto:a@b.c\",\"openid\":\"http://o\"}", "[]", "null", "{", "\"",
            "mbox:mailto:ada@example.org", "account:http://x|a", "mbox:", "%", "%zz", "%00", "\u0000", "\uD800",
            "\u202E", "💥", "a|b|c", "|", "../..", "$where", "{\"$gt\":\"\"}", "eyJhIjoxfQ", "eyJ", "!!!");

    private HostileQueries() {
    }

    /** Parameter values: the vocabulary above, mixed and cut, and any Unicode. */
    public static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(VALUES)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of(VALUES).list().ofMaxSize(3).map(parts -> String.join("", parts))),
                Tuple.of(1, Arbitraries.strings().withChars("{}[]\":,%|ab019-TZ:.").ofMaxLength(30)));
    }

    /** A few parameters, most of them among the given names, the others anything. */
    public static Arbitrary<Map<String, String>> parameters(String... names) {
        Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(names)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)));
        return Arbitraries.maps(keys, values()).ofMaxSize(6);
    }

    public static Client client() {
        return new Client("demo", "demo", Set.of(Role.values()));
    }

    /** A barrier that is always through, as after a quiet projector. */
    public static ReadBarrier openBarrier() {
        ReadBarrier barrier = mock(ReadBarrier.class);
        when(barrier.await()).thenReturn(new Consistency(true, Instant.parse("2026-11-24T09:00:00Z")));
        return barrier;
    }

    /** GETs the path with the parameters and asserts the answer is a 2xx or 4xx, given quickly. */
    public static MvcResult assertAnswered(MockMvc mvc, String path, Map<String, String> parameters) {
        return assertAnswered(mvc, MockMvcRequestBuilders.get(path), parameters);
    }

    /** Sends the request with the parameters and asserts the answer is a 2xx or 4xx, given quickly. */
    public static MvcResult assertAnswered(MockMvc mvc, MockHttpServletRequestBuilder request,
            Map<String, String> parameters) {
        request.requestAttr(Client.ATTRIBUTE, client());
        parameters.forEach(request::param);
        String path = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
        long start = System.nanoTime();
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception failure) {
            throw new AssertionError("GET " + path + " " + parameters + " escaped the error handling", failure);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.getResponse().getStatus()).as("GET %s %s %s answered %s after %s", path, parameters,
                request.buildRequest(new org.springframework.mock.web.MockServletContext()).getHeader("Accept"),
                result.getResponse().getContentAsByteArray().length < 500 ? contentOf(result) : "",
                result.getResolvedException())
                .isIn(ANSWERS);
        return result;
    }

    private static String contentOf(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (Exception e) {
            return "";
        }
    }
}
