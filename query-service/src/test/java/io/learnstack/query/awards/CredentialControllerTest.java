package io.learnstack.query.awards;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;

/** The public credential resources over a real read model: representations, verdicts and status codes. */
class CredentialControllerTest {

    private static final String AWARD = "6c1d1e4a-3f0e-3b8a-9a55-2d8f1f0c0a11";
    private static final Instant UNTIL = Instant.parse("2099-11-24T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private TestIssuers issuers;
    private TestIssuers.Key demo;
    private String jwt;
    private MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase readModels = client.getDatabase("learnstack");
        issuers = new TestIssuers(readModels);
        demo = issuers.publishedKey("demo", "demo-key");
        jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, UNTIL), demo);
        issuers.award("demo", AWARD, "issued", UNTIL, jwt);

        ObjectMapper json = new ObjectMapper();
        ReadBarrier barrier = mock(ReadBarrier.class);
        when(barrier.await()).thenReturn(new Consistency(true, Instant.now()));
        AwardReader reader = new AwardReader(readModels);
        PublicUrls urls = new PublicUrls(TestIssuers.BASE);
        mvc = MockMvcBuilders.standaloneSetup(new CredentialController(barrier, reader,
                        new CredentialVerifier(reader, urls, json), urls, json))
                .setControllerAdvice(new CredentialErrorHandler()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Nested
    class Credential {

        @Test
        void asJsonItIsTheDecodedCredentialWithItsJwt() throws Exception {
            mvc.perform(get("/credentials/" + AWARD).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.jwt").value(jwt))
                    .andExpect(jsonPath("$.credential.id").value("https://lrs.example/credentials/" + AWARD))
                    .andExpect(jsonPath("$.credential.type[1]").value("OpenBadgeCredential"))
                    .andExpect(jsonPath("$.status").value("issued"));
        }

        @Test
        void withoutAcceptItIsJson() throws Exception {
            mvc.perform(get("/credentials/" + AWARD))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.jwt").value(jwt));
        }

        @Test
        void asVcJwtItIsTheSignedTextItself() throws Exception {
            mvc.perform(get("/credentials/" + AWARD).header(HttpHeaders.ACCEPT, "application/vc+jwt"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("application/vc+jwt"))
                    .andExpect(content().string(jwt));
        }

        @Test
        void aBrowserGetsAPageWithTheBadge() throws Exception {
            mvc.perform(get("/credentials/" + AWARD)
                            .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("<h1>Provide first aid &lt;fast&gt;</h1>")))
                    .andExpect(content().string(containsString("Gives first aid")))
                    .andExpect(content().string(containsString("<img src=\"https://rto.example/badges/first-aid.png\"")))
                    .andExpect(content().string(containsString("https://lrs.example/issuers/demo")))
                    .andExpect(content().string(containsString("2099-11-24T09:00:00Z")))
                    .andExpect(content().string(containsString(">issued<")))
                    .andExpect(content().string(not(containsString("<fast>"))));
        }

        @Test
        void aRevokedCredentialSaysSo() throws Exception {
            issuers.award("demo", AWARD, "revoked", UNTIL, jwt);

            mvc.perform(get("/credentials/" + AWARD).accept(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.status").value("revoked"));
        }

        @Test
        void anUnknownCredentialIsNotFound() throws Exception {
            mvc.perform(get("/credentials/7d1d1e4a-3f0e-3b8a-9a55-2d8f1f0c0a11").accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("not-found"));
        }

        @Test
        void anUnofferedRepresentationIsNotAcceptable() throws Exception {
            mvc.perform(get("/credentials/" + AWARD).header(HttpHeaders.ACCEPT, "image/png"))
                    .andExpect(status().isNotAcceptable());
        }
    }

    @Nested
    class Issuer {

        @Test
        void theProfileListsThePublicKeys() throws Exception {
            mvc.perform(get("/issuers/demo"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("https://lrs.example/issuers/demo"))
                    .andExpect(jsonPath("$.type[0]").value("Profile"))
                    .andExpect(jsonPath("$.verificationMethod[0].id").value(demo.kid()))
                    .andExpect(jsonPath("$.verificationMethod[0].publicKeyJwk.crv").value("Ed25519"))
                    .andExpect(jsonPath("$.jwks.keys[0].kid").value("demo-key"))
                    .andExpect(jsonPath("$.jwks.keys[0].d").doesNotExist());
        }

        @Test
        void anIssuerWithoutKeysIsNotFound() throws Exception {
            mvc.perform(get("/issuers/nobody")).andExpect(status().isNotFound());
        }
    }

    @Nested
    class Verify {

        @Test
        void aValidCredentialVerifiesSentAsText() throws Exception {
            mvc.perform(post("/credentials/verify").contentType("application/vc+jwt").content(jwt))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.verified").value(true))
                    .andExpect(jsonPath("$.checks.signature").value("ok"))
                    .andExpect(jsonPath("$.checks.expiry").value("ok"))
                    .andExpect(jsonPath("$.checks.revocation").value("ok"))
                    .andExpect(jsonPath("$.awardId").value(AWARD));
        }

        @Test
        void aRevokedCredentialIsAnsweredWithItsVerdict() throws Exception {
            issuers.award("demo", AWARD, "revoked", UNTIL, jwt);

            mvc.perform(post("/credentials/verify").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"jwt\":\"" + jwt + "\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.verified").value(false))
                    .andExpect(jsonPath("$.checks.revocation").value("revoked"));
        }

        @Test
        void aCredentialPostedAsAFormVerifiesAsCurlSendsAFile() throws Exception {
            mvc.perform(post("/credentials/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(jwt))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.verified").value(true))
                    .andExpect(jsonPath("$.awardId").value(AWARD));
            mvc.perform(post("/credentials/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("jwt=" + jwt))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.checks.signature").value("ok"));
            mvc.perform(post("/credentials/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("a=1&b=2"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("malformed-credential"));
        }

        @Test
        void garbageIsABadRequest() throws Exception {
            for (String garbage : new String[] {"not a credential", "{\"jwt\":42}", "{oops", ""}) {
                mvc.perform(post("/credentials/verify").contentType(MediaType.APPLICATION_JSON).content(garbage))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.error").value("malformed-credential"));
            }
        }
    }
}
