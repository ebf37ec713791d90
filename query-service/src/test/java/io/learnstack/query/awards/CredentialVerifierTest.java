package io.learnstack.query.awards;

import static io.learnstack.query.awards.TestIssuers.BASE64URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class CredentialVerifierTest {

    private static final String AWARD = "6c1d1e4a-3f0e-3b8a-9a55-2d8f1f0c0a11";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2029-11-24T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private TestIssuers issuers;
    private CredentialVerifier verifier;
    private TestIssuers.Key demo;
    private TestIssuers.Key harbour;

    @BeforeEach
    void setUp() throws Exception {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase readModels = client.getDatabase("learnstack");
        issuers = new TestIssuers(readModels);
        verifier = new CredentialVerifier(new AwardReader(readModels), new PublicUrls(TestIssuers.BASE + "/"),
                new ObjectMapper());
        demo = issuers.publishedKey("demo", "demo-key");
        harbour = issuers.publishedKey("harbour-rto", "harbour-key");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Nested
    class Signature {

        @Test
        void aCredentialAsIssuedVerifies() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, UNTIL), demo);
            issuers.award("demo", AWARD, "issued", UNTIL, jwt);

            Verdict verdict = verifier.verify(jwt, NOW);

            assertThat(verdict.verified()).isTrue();
            assertThat(verdict.signature()).isEqualTo("ok");
            assertThat(verdict.expiry()).isEqualTo("ok");
            assertThat(verdict.revocation()).isEqualTo("ok");
            assertThat(verdict.awardId()).isEqualTo(AWARD);
            assertThat(verdict.issuer()).isEqualTo("https://lrs.example/issuers/demo");
            assertThat(verdict.problems()).isEmpty();
        }

        @Test
        void aTamperedPayloadFails() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, UNTIL), demo);
            String[] parts = jwt.split("\\.");
            String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("Provide first aid", "Perform surgery");
            String tampered = parts[0] + "." + BASE64URL.encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                    + "." + parts[2];

            Verdict verdict = verifier.verify(tampered, NOW);

            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.signature()).isEqualTo("failed");
        }

        @Test
        void aCredentialSignedByOneTenantDoesNotPassAsAnothersEvenNamingItsOwnKey() throws Exception {
            // claims harbour as issuer, signed with demo's key and naming it
            String claimingHarbour = TestIssuers.sign(TestIssuers.credential("harbour-rto", AWARD, null), demo);
            // claims harbour and names a harbour key id, but demo signed it
            String harbourKidDemoSigned = TestIssuers.sign(TestIssuers.credential("harbour-rto", AWARD, null),
                    new TestIssuers.Key("harbour-rto", "harbour-key", demo.pair()));

            assertThat(verifier.verify(claimingHarbour, NOW).signature()).isEqualTo("failed");
            assertThat(verifier.verify(harbourKidDemoSigned, NOW).signature()).isEqualTo("failed");
            assertThat(verifier.verify(TestIssuers.sign(TestIssuers.credential("harbour-rto", AWARD, null), harbour),
                    NOW).signature()).isEqualTo("ok");
        }

        @Test
        void anotherAlgorithmIsRefused() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, null), demo, "none");

            Verdict verdict = verifier.verify(jwt, NOW);

            assertThat(verdict.signature()).isEqualTo("failed");
            assertThat(verdict.problems()).anyMatch(problem -> problem.contains("EdDSA"));
        }

        @Test
        void anIssuerFromElsewhereIsNotTrusted() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, null)
                    .replace("https://lrs.example/issuers/demo", "https://evil.example/issuers/demo"), demo);

            assertThat(verifier.verify(jwt, NOW).signature()).isEqualTo("failed");
        }
    }

    @Nested
    class ExpiryAndRevocation {

        @Test
        void aCredentialPastItsValidUntilIsExpired() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, UNTIL), demo);
            issuers.award("demo", AWARD, "issued", UNTIL, jwt);

            Verdict verdict = verifier.verify(jwt, UNTIL);

            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.signature()).isEqualTo("ok");
            assertThat(verdict.expiry()).isEqualTo("expired");
        }

        @Test
        void aRevokedCredentialFails() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, UNTIL), demo);
            issuers.award("demo", AWARD, "revoked", UNTIL, jwt);

            Verdict verdict = verifier.verify(jwt, NOW);

            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.signature()).isEqualTo("ok");
            assertThat(verdict.revocation()).isEqualTo("revoked");
        }

        @Test
        void anotherTenantsRevocationDoesNotCount() throws Exception {
            String jwt = TestIssuers.sign(TestIssuers.credential("demo", AWARD, UNTIL), demo);
            issuers.award("harbour-rto", AWARD, "revoked", UNTIL, jwt);

            assertThat(verifier.verify(jwt, NOW).revocation()).isEqualTo("ok");
        }
    }

    @Test
    void garbageIsNotACredential() {
        for (String garbage : new String[] {"hello", "a.b", "a.b.c", "eyJhIjoxfQ.eyJhIjoxfQ", "W10.W10.AA"}) {
            assertThatThrownBy(() -> verifier.verify(garbage, NOW)).isInstanceOf(MalformedCredentialException.class);
        }
    }
}
