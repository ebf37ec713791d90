package io.learnstack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AcceptHeaderFilterTest {

    private final AcceptHeaderFilter filter = new AcceptHeaderFilter();

    @Test
    void anAcceptHeaderWithAnUnclosedQuoteIsRefusedRatherThanFailingInContentNegotiation() throws Exception {
        MockHttpServletResponse response = run("\"http://adlnet.gov/expapi/verbs/completed");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Accept header is malformed");
    }

    @Test
    void aValueThatIsNoMediaTypeIsRefused() throws Exception {
        assertThat(run("true").getStatus()).isEqualTo(400);
    }

    @Test
    void aWellFormedOrMissingAcceptHeaderPassesThrough() throws Exception {
        assertThat(run("application/json, text/csv;q=0.5, */*").getStatus()).isEqualTo(200);
        assertThat(run(null).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse run(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/xapi/statements");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
