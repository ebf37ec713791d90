package io.learnstack.query.agents;

import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.fuzz.HostileQueries;
import io.learnstack.query.web.ErrorAdvice;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any parameters of GET /xapi/agents are answered 200 or 400. */
class AgentQueryFuzzTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AgentQueryController(new ObjectMapper()))
            .addFilters(ErrorAdvice.acceptHeaderFilter()).setControllerAdvice(ErrorAdvice.queryErrorHandler(HostileQueries.openBarrier())).build();

    @Property(tries = 1000)
    void anyParametersAreAnsweredWithoutAServerError(@ForAll("parameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/xapi/agents", parameters);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return HostileQueries.parameters("agent");
    }
}
