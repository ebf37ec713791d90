package io.learnstack.query.statements;

import static org.mockito.Mockito.mock;

import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.query.attachments.AttachmentContents;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.query.fuzz.HostileQueries;
import io.learnstack.query.web.ErrorAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any parameters of GET /xapi/statements are answered 200, 400 or 404, over a real (in-memory) read model. */
class StatementQueryFuzzTest {

    private static MongoServer server;
    private static MongoClient mongo;
    private static MockMvc mvc;

    @BeforeContainer
    static void start() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        ObjectMapper json = new ObjectMapper();
        ReadBarrier barrier = HostileQueries.openBarrier();
        StatementQueryController controller = new StatementQueryController(barrier,
                new StatementReader(mongo.getDatabase("learnstack")), new StatementQueryParser(json), new MoreCursor(json),
                new StatementFormat(), new MultipartStatements(mock(AttachmentContents.class), json),
                new SimpleMeterRegistry());
        mvc = MockMvcBuilders.standaloneSetup(controller).addFilters(ErrorAdvice.acceptHeaderFilter()).setControllerAdvice(ErrorAdvice.queryErrorHandler(barrier))
                .build();
    }

    @AfterContainer
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @Property(tries = 3000)
    void anyParametersAreAnsweredWithoutAServerError(@ForAll("parameters") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/xapi/statements", parameters);
    }

    @Property(tries = 500)
    void anySingleStatementLookupIsAnsweredWithoutAServerError(@ForAll("lookups") Map<String, String> parameters) {
        HostileQueries.assertAnswered(mvc, "/xapi/statements", parameters);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return HostileQueries.parameters("agent", "verb", "activity", "registration", "related_activities",
                "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "more");
    }

    @Provide
    Arbitrary<Map<String, String>> lookups() {
        return HostileQueries.parameters("statementId", "voidedStatementId", "format", "attachments")
                .filter(map -> map.containsKey("statementId") || map.containsKey("voidedStatementId"))
                .ignoreExceptions(Exception.class);
    }
}
