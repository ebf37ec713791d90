package io.learnstack.query.activities;

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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any parameters of GET /xapi/activities are answered 200, 400 or 404. */
class ActivityQueryFuzzTest {

    private static MongoServer server;
    private static MongoClient mongo;
    private static MockMvc mvc;

    @BeforeContainer
    static void start() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        ReadBarrier barrier = HostileQueries.openBarrier();
        ActivityQueryController controller = new ActivityQueryController(barrier,
                new ActivityReader(mongo.getDatabase("learnstack")), new ObjectMapper());
        mvc = MockMvcBuilders.standaloneSetup(controller).addFilters(ErrorAdvice.acceptHeaderFilter()).setControllerAdvice(ErrorAdvice.queryErrorHandler(barrier))
                .build();
    }

    @AfterContainer
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @Property(tries = 1000)
    void anyParametersAreAnsweredWithoutAServerError(@ForAll("parameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/xapi/activities", parameters);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return HostileQueries.parameters("activityId");
    }
}
