package io.learnstack.query.catalogue;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.security.Role;

/** The catalogue reads over a read model laid out as the projector writes it. */
class CatalogueQueryControllerTest {

    private static final Document CPR = Document.parse("""
            {"id":"cpr","name":"Provide CPR","description":null,"image":null,"kind":"unit",
             "requirement":{"type":"activityCompleted","activityId":"https://rto.example/units/HLTAID009"},
             "validity":"P1Y","issuance":"automatic","revision":2}""");
    private static final Document FIRST_AID = Document.parse("""
            {"id":"first-aid","name":"Provide first aid","description":"HLTAID011","image":null,"kind":"skill set",
             "requirement":{"type":"allOf","of":[{"type":"credentialHeld","credentialId":"cpr"},
               {"type":"assessmentPassed","activityId":"https://rto.example/exams/first-aid","minScaledScore":0.8}]},
             "validity":null,"issuance":"on-approval","revision":1}""");

    private final ReadBarrier barrier = mock(ReadBarrier.class);
    private MongoServer server;
    private MongoClient client;
    private CatalogueReader reader;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("learnstack");
        database.getCollection("credential_catalogue").insertMany(List.of(
                new Document("_id", "demo|cpr").append("tenant", "demo").append("definition", CPR)
                        .append("retired", true).append("defined", "2026-11-24T09:00:00Z")
                        .append("revised", "2026-11-24T10:00:00Z").append("retiredAt", "2026-11-24T11:00:00Z")
                        .append("revisions", List.of(new Document("revision", 1).append("at", "2026-11-24T09:00:00Z"),
                                new Document("revision", 2).append("at", "2026-11-24T10:00:00Z"))),
                new Document("_id", "harbour-rto|first-aid").append("tenant", "harbour-rto")
                        .append("definition", FIRST_AID).append("retired", false)));
        database.getCollection("credential_catalogue_lists").insertOne(new Document("_id", "demo")
                .append("rows", List.of(new Document(CPR).append("retired", true)
                                .append("defined", "2026-11-24T09:00:00Z").append("revised", "2026-11-24T10:00:00Z"),
                        new Document(FIRST_AID).append("retired", false)
                                .append("defined", "2026-11-24T09:30:00Z").append("revised", "2026-11-24T09:30:00Z")))
                .append("applied", new Document("learnstack_events-0", 7L)));
        reader = spy(new CatalogueReader(database));
        when(barrier.await()).thenReturn(new Consistency(true, Instant.parse("2026-11-24T12:00:00Z")));
        mvc = MockMvcBuilders.standaloneSetup(new CatalogueQueryController(barrier, reader)).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theListHasEveryCredentialOfTheTenantWithRevisionRetirementAndTimes() throws Exception {
        // when / then
        mvc.perform(get("/api/credentials").requestAttr(Client.ATTRIBUTE, client("demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].id").value("cpr"))
                .andExpect(jsonPath("$.rows[0].revision").value(2))
                .andExpect(jsonPath("$.rows[0].retired").value(true))
                .andExpect(jsonPath("$.rows[0].defined").value("2026-11-24T09:00:00Z"))
                .andExpect(jsonPath("$.rows[1].requirement.of[1].minScaledScore").value(0.8))
                .andExpect(jsonPath("$.rows[1].issuance").value("on-approval"))
                .andExpect(jsonPath("$.more").isEmpty());
    }

    @Test
    void aTenantWithoutCredentialsHasAnEmptyList() throws Exception {
        mvc.perform(get("/api/credentials").requestAttr(Client.ATTRIBUTE, client("northside-rto")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"rows\":[],\"more\":null}", true));
    }

    @Test
    void oneCredentialHasTheTimeOfEachRevision() throws Exception {
        mvc.perform(get("/api/credentials/cpr").requestAttr(Client.ATTRIBUTE, client("demo")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"id":"cpr","name":"Provide CPR","kind":"unit","validity":"P1Y","issuance":"automatic",
                         "requirement":{"type":"activityCompleted","activityId":"https://rto.example/units/HLTAID009"},
                         "revision":2,"retired":true,"defined":"2026-11-24T09:00:00Z","revised":"2026-11-24T10:00:00Z",
                         "retiredAt":"2026-11-24T11:00:00Z",
                         "revisions":[{"revision":1,"at":"2026-11-24T09:00:00Z"},{"revision":2,"at":"2026-11-24T10:00:00Z"}]}"""))
                .andExpect(jsonPath("$._id").doesNotExist())
                .andExpect(jsonPath("$.tenant").doesNotExist());
    }

    @Test
    void anUnknownCredentialIs404() throws Exception {
        mvc.perform(get("/api/credentials/first-aid").requestAttr(Client.ATTRIBUTE, client("demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("unknown-credential"));
    }

    @Test
    void anotherTenantsCredentialIsNotFound() throws Exception {
        mvc.perform(get("/api/credentials/first-aid").requestAttr(Client.ATTRIBUTE, client("demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/credentials/first-aid").requestAttr(Client.ATTRIBUTE, client("harbour-rto")))
                .andExpect(status().isOk());
    }

    @Test
    void theReadWaitsForTheProjectionsFirst() throws Exception {
        mvc.perform(get("/api/credentials/cpr").requestAttr(Client.ATTRIBUTE, client("demo")))
                .andExpect(status().isOk());

        InOrder order = inOrder(barrier, reader);
        order.verify(barrier).await();
        order.verify(reader).find("demo", "cpr");
    }

    private static Client client(String tenant) {
        return new Client(tenant, tenant, Set.of(Role.ANALYST));
    }
}
