package io.learnstack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class XapiVersionHeaderFilterTest {

    @Test
    void theAnswerNamesTheRequestedVersionOrTheConfiguredDefault() throws Exception {
        assertThat(answeredVersion(new XapiVersionHeaderFilter("2.0.0"), "1.0.3")).isEqualTo("1.0.3");
        assertThat(answeredVersion(new XapiVersionHeaderFilter("2.0.0"), "2.0")).isEqualTo("2.0.0");
        assertThat(answeredVersion(new XapiVersionHeaderFilter("1.0.3"), "0.9")).isEqualTo("1.0.3");
    }

    @Test
    void aRequestWithoutTheHeaderIsAnsweredAsThePreHeaderVersionItWasTakenFor() throws Exception {
        assertThat(answeredVersion(new XapiVersionHeaderFilter("2.0.0"), null)).isEqualTo("0.95");
        assertThat(answeredVersion(new XapiVersionHeaderFilter("1.0.3"), " ")).isEqualTo("0.95");
    }

    private static String answeredVersion(XapiVersionHeaderFilter filter, String version) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/xapi/statements");
        if (version != null) {
            request.addHeader("X-Experience-API-Version", version);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getHeader("X-Experience-API-Version");
    }
}
