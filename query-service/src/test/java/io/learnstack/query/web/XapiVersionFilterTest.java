package io.learnstack.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class XapiVersionFilterTest {

    @Test
    void aRequestNamingAVersionIsAnsweredInIt() throws Exception {
        MockHttpServletResponse response = filter(new XapiVersionFilter("2.0.0"), "1.0.1");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
    }

    @Test
    void aRequestWithoutTheHeaderIsTakenForAPreHeaderClientAndRefused() throws Exception {
        MockHttpServletResponse response = filter(new XapiVersionFilter("2.0.0"), null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader("X-Experience-API-Version")).isEqualTo("0.95");
    }

    @Test
    void aRequestNamingAVersionTheLrsDoesNotSpeakIsRefusedInTheConfiguredDefault() throws Exception {
        MockHttpServletResponse newest = filter(new XapiVersionFilter("2.0.0"), "0.9");
        MockHttpServletResponse older = filter(new XapiVersionFilter("1.0.3"), "0.95");

        assertThat(newest.getStatus()).isEqualTo(400);
        assertThat(newest.getHeader("X-Experience-API-Version")).isEqualTo("2.0.0");
        assertThat(older.getStatus()).isEqualTo(400);
        assertThat(older.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
    }

    @Test
    void theAboutResourceAnswersWithoutTheHeaderInTheConfiguredDefault() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/xapi/about");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new XapiVersionFilter("2.0.0").doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-Experience-API-Version")).isEqualTo("2.0.0");
    }

    @Test
    void aDefaultTheLrsDoesNotSpeakIsAConfigurationError() {
        assertThatThrownBy(() -> new XapiVersionFilter("0.95")).hasMessageContaining("default-version");
    }

    private static MockHttpServletResponse filter(XapiVersionFilter filter, String version) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/xapi/statements");
        if (version != null) {
            request.addHeader("X-Experience-API-Version", version);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
