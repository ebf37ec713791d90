package io.learnstack.query.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.query.fuzz.HostileQueries;
import io.learnstack.query.web.ErrorAdvice;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any parameters of the eligibility API are answered 200, 400 or 404. */
class EligibilityQueryFuzzTest {

    private static MongoServer server;
    private static MongoClient mongo;
    private static MockMvc mvc;

    @BeforeContainer
    static void start() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        ReadBarrier barrier = HostileQueries.openBarrier();
        EligibilityController controller = new EligibilityController(barrier,
                new EligibilityReader(mongo.getDatabase("learnstack")), new ObjectMapper(), Period.ofDays(30),
                Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(controller).addFilters(ErrorAdvice.acceptHeaderFilter()).setControllerAdvice(ErrorAdvice.queryErrorHandler(barrier))
                .build();
    }

    @AfterContainer
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @Property(tries = 400)
    void anyLearnerParametersAreAnsweredWithoutAServerError(@ForAll("parameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/api/eligibility/learners", parameters);
        HostileQueries.assertAnswered(mvc, "/api/eligibility/expiring", parameters);
        HostileQueries.assertAnswered(mvc, "/api/eligibility/counts", parameters);
        HostileQueries.assertAnswered(mvc, "/api/eligibility/funnel", parameters);
    }

    @Property(tries = 400)
    void anyCredentialQueryIsAnsweredWithoutAServerError(@ForAll("ids") String id,
            @ForAll("parameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, get("/api/eligibility/credentials/{id}", id), parameters);
    }

    @Example
    void anExpiringWindowFromTheEndOfTimeIsRefused() throws Exception {
        var result = HostileQueries.assertAnswered(mvc, "/api/eligibility/expiring",
                Map.of("from", "+999999999-12-31T23:59:59Z"));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("too late for the expiring window");
    }

    @Example
    void aCredentialIdWithSlashesIsNotFound() {
        var result = HostileQueries.assertAnswered(mvc, get("/api/eligibility/credentials/{id}",
                "http://adlnet.gov/expapi/verbs/completed"), Map.of());

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return HostileQueries.parameters("learner", "agent", "status", "limit", "cursor", "from", "to", "credential",
                "interval");
    }

    @Provide
    Arbitrary<String> ids() {
        return HostileQueries.values().filter(id -> !id.isEmpty());
    }
}
