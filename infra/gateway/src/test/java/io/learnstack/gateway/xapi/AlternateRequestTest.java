package io.learnstack.gateway.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class AlternateRequestTest {

    private static final Map<String, List<String>> PUT = Map.of("method", List.of("PUT"));

    @Test
    void formFieldsBecomeHeadersQueryParametersAndContent() {
        // given
        String form = "statementId=9e13cefd-53d3-4eac-b5ed-2cf6693903bb"
                + "&content=%7B%22verb%22%3A%7B%22id%22%3A%22http%3A%2F%2Fexample.org%2Fa+b%22%7D%7D"
                + "&X-Experience-API-Version=1.0.3&authorization=Basic+ZGVtbzpkZW1v&If-None-Match=*"
                + "&Content-Length=999";

        // when
        AlternateRequest translated = AlternateRequest.translate(HttpMethod.POST, PUT, formHeaders(), bytes(form));

        // then
        assertThat(translated.method()).isEqualTo(HttpMethod.PUT);
        assertThat(translated.query()).isEqualTo("statementId=9e13cefd-53d3-4eac-b5ed-2cf6693903bb");
        assertThat(new String(translated.content(), StandardCharsets.UTF_8))
                .isEqualTo("{\"verb\":{\"id\":\"http://example.org/a b\"}}");
        assertThat(translated.headers().getFirst("X-Experience-API-Version")).isEqualTo("1.0.3");
        assertThat(translated.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Basic ZGVtbzpkZW1v");
        assertThat(translated.headers().getFirst(HttpHeaders.IF_NONE_MATCH)).isEqualTo("*");
        assertThat(translated.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(translated.headers().getContentLength()).isEqualTo(translated.content().length);
        assertThat(translated.headers().get("X-Kept")).containsExactly("yes");
    }

    @Test
    void queryParameterValuesAreEncodedForTheTranslatedRequest() {
        String form = "agent=%7B%22mbox%22%3A%22mailto%3Aa%2Bb%40example.org%22%7D&verb=http%3A%2F%2Fexample.org%2Fa+b";

        AlternateRequest translated = AlternateRequest.translate(HttpMethod.POST, Map.of("method", List.of("GET")),
                formHeaders(), bytes(form));

        assertThat(translated.method()).isEqualTo(HttpMethod.GET);
        assertThat(translated.query()).isEqualTo("agent=%7B%22mbox%22%3A%22mailto%3Aa%2Bb%40example.org%22%7D"
                + "&verb=http%3A%2F%2Fexample.org%2Fa%20b");
        assertThat(translated.content()).isEmpty();
        assertThat(translated.headers().getContentType()).isNull();
    }

    @Test
    void theFormsContentTypeIsTheContentsContentType() {
        AlternateRequest translated = AlternateRequest.translate(HttpMethod.POST, PUT, formHeaders(),
                bytes("content=hello&Content-Type=text%2Fplain"));

        assertThat(translated.headers().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
    }

    @Test
    void requestsThatBreakTheSyntaxAreRefusedWithTheReason() {
        assertRefused(HttpMethod.PUT, PUT, formHeaders(), "", "it was a PUT");
        assertRefused(HttpMethod.POST, Map.of("method", List.of("PUT"), "statementId", List.of("x")), formHeaders(),
                "", "only query parameter");
        assertRefused(HttpMethod.POST, Map.of("method", List.of("PATCH")), formHeaders(), "", "GET, HEAD, PUT");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertRefused(HttpMethod.POST, PUT, json, "{\"content\":\"{}\"}", "x-www-form-urlencoded");
        assertRefused(HttpMethod.POST, PUT, formHeaders(), "a=1&a=2", "given twice");
    }

    @Test
    void xapi2RemovedTheSyntaxWhereverItsVersionIsGiven() {
        Throwable inForm = assertRefused(HttpMethod.POST, PUT, formHeaders(), "X-Experience-API-Version=2.0.0",
                "xAPI 2.0 removed it");
        HttpHeaders v2 = formHeaders();
        v2.set("X-Experience-API-Version", "2.0.0");
        assertRefused(HttpMethod.POST, Map.of("method", List.of("GET")), v2, "", "xAPI 2.0 removed it");

        assertThat(((AlternateRequest.Refusal) inForm).version()).isEqualTo("2.0.0");
    }

    private static Throwable assertRefused(HttpMethod method, Map<String, List<String>> query, HttpHeaders headers,
            String form, String reason) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> AlternateRequest.translate(method, query, headers, bytes(form)))
                .isInstanceOf(AlternateRequest.Refusal.class)
                .hasMessageContaining(reason)
                .satisfies(refusal -> thrown[0] = refusal);
        return thrown[0];
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setContentLength(123);
        headers.set("X-Kept", "yes");
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
