package io.learnstack.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.query.fuzz.HostileQueries;
import io.learnstack.query.web.ErrorAdvice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any parameters and Accept header of the analytics API are answered 200, 400 or 404. */
class AnalyticsQueryFuzzTest {

    private static final List<String> PATHS = List.of("/api/analytics/summary", "/api/analytics/completion-rates",
            "/api/analytics/re-enrolment-rates", "/api/analytics/transitions", "/api/analytics/pathways",
            "/api/analytics/drop-off", "/api/analytics/learners/pathway");

    private static MongoServer server;
    private static MongoClient mongo;
    private static MockMvc mvc;

    @BeforeContainer
    static void start() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        ReadBarrier barrier = HostileQueries.openBarrier();
        AnalyticsController controller = new AnalyticsController(barrier,
                new AnalyticsReader(mongo.getDatabase("learnstack")));
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .addFilters(ErrorAdvice.acceptHeaderFilter()).setControllerAdvice(new AnalyticsErrorHandler(), ErrorAdvice.queryErrorHandler(barrier)).build();
    }

    @AfterContainer
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @Property(tries = 2000)
    void anyParametersAreAnsweredWithoutAServerError(@ForAll("paths") String path,
            @ForAll("parameters") Map<String, String> parameters, @ForAll("accepts") String accept) {
        HostileQueries.assertAnswered(mvc, get(path).header(HttpHeaders.ACCEPT, accept), parameters);
    }

    @Example
    void aMalformedAcceptHeaderIsRefused() throws Exception {
        var result = HostileQueries.assertAnswered(mvc, get("/api/analytics/summary").header(HttpHeaders.ACCEPT, "true"),
                Map.of());

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("Accept header is malformed");
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return HostileQueries.parameters("course", "cohort", "offering", "from", "to", "interval", "by", "format",
                "learner", "agent");
    }

    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.oneOf(Arbitraries.of("*/*", "application/json", "text/csv", "text/*", "text/csv;q=0.5",
                "application/json, text/csv"), HostileQueries.values());
    }
}
