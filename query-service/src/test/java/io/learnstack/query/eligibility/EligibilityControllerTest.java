package io.learnstack.query.eligibility;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.security.Role;

/** The eligibility API over read-model documents as the projector writes them. */
class EligibilityControllerTest {

    private static final String TENANT = "northside-rto";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String GRACE = "mbox:mailto:grace@example.org";
    private static final String LIN = "mbox:mailto:lin@example.org";
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final ReadBarrier barrier = mock(ReadBarrier.class);
    private MongoServer server;
    private MongoClient mongo;
    private MongoDatabase database;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        database = mongo.getDatabase("learnstack");
        when(barrier.await()).thenReturn(new Consistency(true, NOW));
        EligibilityController controller = new EligibilityController(barrier, new EligibilityReader(database),
                new ObjectMapper(), Period.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(controller).build();
        seed();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
        server.shutdownNow();
    }

    private void seed() {
        database.getCollection("eligibility_catalogues").insertOne(new Document("_id", TENANT).append("tenant", TENANT)
                .append("credentials", List.of(credential("first-aid", "Provide first aid"),
                        credential("cpr", "Provide CPR"))));
        database.getCollection("eligibility_catalogues").insertOne(new Document("_id", "harbour-rto")
                .append("credentials", List.of(credential("secret", "Another tenant's"))));
        Document adaCpr = learnerStatus("cpr", "issued", List.of(), "2026-10-01T00:00:00Z", "award-1", "2026-12-10T00:00:00Z");
        Document adaFirstAid = learnerStatus("first-aid", "in-progress", List.of(leaf("https://rto.example/units/b")), null, null,
                null);
        database.getCollection("eligibility_learners").insertOne(new Document("_id", TENANT + "|" + ADA)
                .append("tenant", TENANT).append("learner", ADA).append("version", 3L)
                .append("statuses", List.of(adaFirstAid.append("met", List.of(leaf("https://rto.example/units/a"))),
                        adaCpr.append("met", List.of()))));
        Document cprRows = new Document()
                .append(field(ADA), row(ADA, "issued", List.of(), "2026-10-01T00:00:00Z", "award-1", "2026-12-10T00:00:00Z",
                        List.of(award("award-1", "2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z", "2026-12-10T00:00:00Z",
                                null, null))))
                .append(field(GRACE), row(GRACE, "issued", List.of(), "2026-09-01T00:00:00Z", "award-2",
                        "2027-09-02T00:00:00Z", List.of(award("award-2", "2026-09-01T00:00:00Z", "2026-09-02T00:00:00Z",
                                "2027-09-02T00:00:00Z", null, null))))
                .append(field(LIN), row(LIN, "expired", List.of(leaf("x")), "2025-01-01T00:00:00Z", "award-0",
                        "2026-11-01T00:00:00Z", List.of(award("award-0", "2025-01-01T00:00:00Z", "2025-11-01T00:00:00Z",
                                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", null))));
        Document firstAidRows = new Document()
                .append(field(ADA), row(ADA, "in-progress", List.of(leaf("https://rto.example/units/b")), null, null, null,
                        List.of()))
                .append(field(GRACE), row(GRACE, "in-progress", List.of(leaf("b"), leaf("c")), null, null, null, List.of()))
                .append(field(LIN), row(LIN, "eligible", List.of(), "2026-11-20T10:00:00Z", null, null, List.of()));
        database.getCollection("eligibility_credentials").insertMany(List.of(
                new Document("_id", TENANT + "|cpr").append("tenant", TENANT).append("credentialId", "cpr")
                        .append("rows", cprRows).append("counts", new Document("issued", 2).append("expired", 1)),
                new Document("_id", TENANT + "|first-aid").append("tenant", TENANT).append("credentialId", "first-aid")
                        .append("rows", firstAidRows)
                        .append("counts", new Document("in-progress", 2).append("eligible", 1))));
    }

    @Nested
    class Learner {

        @Test
        void listsTheLearnersCredentialsWithNamesAndExpiringDecidedAtReadTime() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/learners").param("learner", ADA)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.learner").value(ADA))
                    .andExpect(jsonPath("$.credentials", hasSize(2)))
                    .andExpect(jsonPath("$.credentials[0].credentialId").value("first-aid"))
                    .andExpect(jsonPath("$.credentials[0].name").value("Provide first aid"))
                    .andExpect(jsonPath("$.credentials[0].status").value("in-progress"))
                    .andExpect(jsonPath("$.credentials[0].met[0].activityId").value("https://rto.example/units/a"))
                    .andExpect(jsonPath("$.credentials[0].missing[0].activityId").value("https://rto.example/units/b"))
                    .andExpect(jsonPath("$.credentials[1].status").value("expiring"))
                    .andExpect(jsonPath("$.credentials[1].awardId").value("award-1"))
                    .andExpect(jsonPath("$.credentials[1].validUntil").value("2026-12-10T00:00:00Z"));
            verify(barrier).await();
        }

        @Test
        void takesAnXapiAgent() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/learners").param("agent", "{\"mbox\":\"mailto:ada@example.org\"}")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.learner").value(ADA));
        }

        @Test
        void anUnknownLearnerIsNotFound() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/learners").param("learner", "mbox:mailto:nobody@example.org")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("not-found"));
        }

        @Test
        void needsExactlyOneOfLearnerAndAgent() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/learners"))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").isNotEmpty());
            mvc.perform(as(get("/api/eligibility/learners").param("learner", ADA).param("agent", "{}")))
                    .andExpect(status().isBadRequest());
            mvc.perform(as(get("/api/eligibility/learners").param("agent", "{\"name\":\"Ada\"}")))
                    .andExpect(status().isBadRequest());
            mvc.perform(as(get("/api/eligibility/learners").param("agent", "{not json")))
                    .andExpect(status().isBadRequest());
        }

        @Test
        void anotherTenantsLearnerIsNotFound() throws Exception {
            // when / then
            mvc.perform(get("/api/eligibility/learners").param("learner", ADA)
                    .requestAttr(Client.ATTRIBUTE, new Client("harbour-rto", "harbour", Set.of(Role.ANALYST))))
                    .andExpect(status().isNotFound());
        }
    }

    @Nested
    class CredentialLearners {

        @Test
        void listsLearnersOfAStatusInLearnerOrder() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/credentials/first-aid").param("status", "in-progress")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rows", hasSize(2)))
                    .andExpect(jsonPath("$.rows[0].learner").value(ADA))
                    .andExpect(jsonPath("$.rows[1].learner").value(GRACE))
                    .andExpect(jsonPath("$.rows[1].missing", hasSize(2)))
                    .andExpect(jsonPath("$.more").value(nullValue()));
        }

        @Test
        void nearlyIsInProgressWithOneLeafMissing() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/credentials/first-aid").param("status", "nearly")))
                    .andExpect(jsonPath("$.rows", hasSize(1)))
                    .andExpect(jsonPath("$.rows[0].learner").value(ADA));
        }

        @Test
        void issuedIncludesThoseExpiringAndShowsThemSo() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/credentials/cpr").param("status", "issued")))
                    .andExpect(jsonPath("$.rows", hasSize(2)))
                    .andExpect(jsonPath("$.rows[0].status").value("expiring"))
                    .andExpect(jsonPath("$.rows[1].status").value("issued"));
        }

        @Test
        void pagesWithTheCursorOfMore() throws Exception {
            // given
            MvcResult first = mvc.perform(as(get("/api/eligibility/credentials/cpr").param("limit", "2")))
                    .andExpect(jsonPath("$.rows", hasSize(2)))
                    .andExpect(jsonPath("$.rows[1].learner").value(GRACE))
                    .andReturn();
            String more = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.more");

            // when / then
            mvc.perform(as(get(java.net.URI.create(more))))
                    .andExpect(jsonPath("$.rows", hasSize(1)))
                    .andExpect(jsonPath("$.rows[0].learner").value(LIN))
                    .andExpect(jsonPath("$.rows[0].status").value("expired"))
                    .andExpect(jsonPath("$.more").value(nullValue()));
        }

        @Test
        void anUnknownCredentialIsNotFound() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/credentials/secret"))).andExpect(status().isNotFound());
        }

        @Test
        void badParametersAreRefused() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/credentials/cpr").param("status", "done")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad-parameter"));
            mvc.perform(as(get("/api/eligibility/credentials/cpr").param("limit", "0"))).andExpect(status().isBadRequest());
            mvc.perform(as(get("/api/eligibility/credentials/cpr").param("limit", "1001")))
                    .andExpect(status().isBadRequest());
            mvc.perform(as(get("/api/eligibility/credentials/cpr").param("cursor", "%%%")))
                    .andExpect(status().isBadRequest());
        }
    }

    @Nested
    class Expiring {

        @Test
        void listsIssuedAwardsWhoseValidUntilIsInThePeriod() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/expiring").param("from", "2026-11-01T00:00:00Z")
                    .param("to", "2027-12-31T00:00:00Z")))
                    .andExpect(status().isOk())
                    .andExpect(content().json("""
                            {"rows":[
                              {"learner":"mbox:mailto:ada@example.org","credentialId":"cpr","awardId":"award-1",
                               "validUntil":"2026-12-10T00:00:00Z"},
                              {"learner":"mbox:mailto:grace@example.org","credentialId":"cpr","awardId":"award-2",
                               "validUntil":"2027-09-02T00:00:00Z"}],
                             "more":null}""", true));
        }

        @Test
        void pagesWithTheCursorOfMore() throws Exception {
            // given
            MvcResult first = mvc.perform(as(get("/api/eligibility/expiring").param("from", "2026-11-01T00:00:00Z")
                    .param("to", "2027-12-31T00:00:00Z").param("limit", "1")))
                    .andExpect(jsonPath("$.rows", hasSize(1)))
                    .andExpect(jsonPath("$.rows[0].awardId").value("award-1"))
                    .andReturn();
            String more = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.more");

            // when / then
            mvc.perform(as(get(java.net.URI.create(more))))
                    .andExpect(jsonPath("$.rows", hasSize(1)))
                    .andExpect(jsonPath("$.rows[0].awardId").value("award-2"))
                    .andExpect(jsonPath("$.more").value(nullValue()));
        }

        @Test
        void defaultsToTheExpiringWindowFromNow() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/expiring")))
                    .andExpect(jsonPath("$.rows", hasSize(1)))
                    .andExpect(jsonPath("$.rows[0].awardId").value("award-1"));
        }

        @Test
        void refusesBadInstantsAndAnEmptyPeriod() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/expiring").param("from", "yesterday"))).andExpect(status().isBadRequest());
            mvc.perform(as(get("/api/eligibility/expiring").param("from", "2026-11-02T00:00:00Z")
                    .param("to", "2026-11-01T00:00:00Z"))).andExpect(status().isBadRequest());
        }
    }

    @Nested
    class CountsAndFunnel {

        @Test
        void countsEventsByMonth() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/counts").param("credential", "cpr")))
                    .andExpect(status().isOk())
                    .andExpect(content().json("""
                            {"rows":[
                              {"period":"2025-01","credentialId":"cpr","eligible":1,"issued":0,"expired":0,"revoked":0},
                              {"period":"2025-11","credentialId":"cpr","eligible":0,"issued":1,"expired":0,"revoked":0},
                              {"period":"2026-09","credentialId":"cpr","eligible":1,"issued":1,"expired":0,"revoked":0},
                              {"period":"2026-10","credentialId":"cpr","eligible":1,"issued":1,"expired":0,"revoked":0},
                              {"period":"2026-11","credentialId":"cpr","eligible":0,"issued":0,"expired":1,"revoked":0}],
                             "more":null}""", true));
        }

        @Test
        void countsEveryCredentialByDay() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/counts").param("interval", "day")))
                    .andExpect(jsonPath("$.rows[?(@.credentialId == 'first-aid')].period").value("2026-11-20"))
                    .andExpect(jsonPath("$.rows[?(@.credentialId == 'first-aid')].eligible").value(1));
        }

        @Test
        void refusesAnUnknownIntervalOrCredential() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/counts").param("interval", "week"))).andExpect(status().isBadRequest());
            mvc.perform(as(get("/api/eligibility/counts").param("credential", "nope"))).andExpect(status().isNotFound());
        }

        @Test
        void theFunnelCountsEachCredentialsLearnersByStatus() throws Exception {
            // when / then
            mvc.perform(as(get("/api/eligibility/funnel")))
                    .andExpect(status().isOk())
                    .andExpect(content().json("""
                            {"rows":[
                              {"credentialId":"first-aid","name":"Provide first aid","inProgress":2,"eligible":1,
                               "issued":0,"expired":0},
                              {"credentialId":"cpr","name":"Provide CPR","inProgress":0,"eligible":0,"issued":2,
                               "expired":1}],
                             "more":null}""", true));
        }
    }

    // --- helpers

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.requestAttr(Client.ATTRIBUTE, new Client(TENANT, "northside", Set.of(Role.ANALYST)));
    }

    private static Document credential(String id, String name) {
        return new Document("credentialId", id).append("revision", 1).append("name", name).append("retired", false)
                .append("definition", "{}");
    }

    private static Document leaf(String activityId) {
        return new Document("type", "activityCompleted").append("activityId", activityId);
    }

    private static String field(String learnerKey) {
        return learnerKey.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static Document learnerStatus(String credentialId, String status, List<Document> missing, String eligibleAt,
            String awardId, String validUntil) {
        return new Document("credentialId", credentialId).append("status", status).append("missing", missing)
                .append("eligibleAt", eligibleAt).append("awardId", awardId).append("validUntil", validUntil);
    }

    private static Document row(String learner, String status, List<Document> missing, String eligibleAt, String awardId,
            String validUntil, List<Document> awards) {
        return new Document("learner", learner).append("status", status).append("missing", missing)
                .append("eligibleAt", eligibleAt).append("awardId", awardId).append("validUntil", validUntil)
                .append("awards", awards).append("v", 1L);
    }

    private static Document award(String awardId, String eligibleAt, String validFrom, String validUntil, String expired,
            String revoked) {
        return new Document("awardId", awardId).append("eligibleAt", eligibleAt).append("validFrom", validFrom)
                .append("validUntil", validUntil).append("revoked", revoked).append("expired", expired);
    }
}
