package io.learnstack.query.documents;

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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any parameters of the three document resources are answered 200, 204, 400 or 404. */
class DocumentQueryFuzzTest {

    private static MongoServer server;
    private static MongoClient mongo;
    private static MockMvc mvc;

    @BeforeContainer
    static void start() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        ReadBarrier barrier = HostileQueries.openBarrier();
        DocumentQueryController controller = new DocumentQueryController(barrier,
                new DocumentReader(mongo.getDatabase("learnstack")), new ObjectMapper(), new SimpleMeterRegistry());
        mvc = MockMvcBuilders.standaloneSetup(controller).addFilters(ErrorAdvice.acceptHeaderFilter()).setControllerAdvice(ErrorAdvice.queryErrorHandler(barrier))
                .build();
    }

    @AfterContainer
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @Property(tries = 1000)
    void anyStateParametersAreAnsweredWithoutAServerError(
            @ForAll("stateParameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/xapi/activities/state", parameters);
    }

    @Property(tries = 1000)
    void anyProfileParametersAreAnsweredWithoutAServerError(
            @ForAll("profileParameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/xapi/activities/profile", parameters);
        HostileQueries.assertAnswered(mvc, "/xapi/agents/profile", parameters);
    }

    @Provide
    Arbitrary<Map<String, String>> stateParameters() {
        return HostileQueries.parameters("activityId", "agent", "registration", "stateId", "since");
    }

    @Provide
    Arbitrary<Map<String, String>> profileParameters() {
        return HostileQueries.parameters("activityId", "agent", "profileId", "since");
    }
}
