package io.learnstack.projector.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;
import io.learnstack.events.IssuerKeyPublished;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.projector.bus.Envelope;

class AwardProjectionTest {

    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final Instant ELIGIBLE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant UNTIL = Instant.parse("2029-11-24T09:00:00Z");
    private static final CredentialIssued ISSUED = new CredentialIssued("demo", "a1", ADA, "first-aid", 2, null,
            ELIGIBLE, FROM, UNTIL, "h.p.s");
    private static final CredentialRevoked REVOKED = new CredentialRevoked("demo", "a1", ADA, "first-aid",
            "issued in error", "demo", FROM.plusSeconds(3600));
    private static final CredentialExpired EXPIRED = new CredentialExpired("demo", "a1", ADA, "first-aid", UNTIL);

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> awards;
    private MongoCollection<Document> issuerKeys;
    private AwardProjection projection;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        awards = client.getDatabase("learnstack").getCollection("awards");
        issuerKeys = client.getDatabase("learnstack").getCollection("issuer_keys");
        projection = new AwardProjection(client.getDatabase("learnstack"));
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anIssuedAwardIsKeptUnderItsIdWithItsSignedCredential() {
        // when
        apply(ISSUED);

        // then
        Document award = award("a1");
        assertThat(award.getString("status")).isEqualTo("issued");
        assertThat(award.getString("tenant")).isEqualTo("demo");
        assertThat(award.getString("learnerKey")).isEqualTo(ADA);
        assertThat(award.getString("credentialId")).isEqualTo("first-aid");
        assertThat(award.getDate("validFrom")).isEqualTo(Date.from(FROM));
        assertThat(award.getDate("validUntil")).isEqualTo(Date.from(UNTIL));
        assertThat(award.getString("signedCredential")).isEqualTo("h.p.s");
    }

    @Test
    void aRevocationSticksEvenWhenTheIssuanceIsRedelivered() {
        // given
        apply(ISSUED, REVOKED);

        // when
        apply(ISSUED, REVOKED);

        // then
        Document award = award("a1");
        assertThat(award.getString("status")).isEqualTo("revoked");
        assertThat(award.getString("revocationReason")).isEqualTo("issued in error");
        assertThat(award.getDate("revoked")).isEqualTo(Date.from(REVOKED.revoked()));
    }

    @Test
    void anExpiryMarksTheAwardExpiredButNeverOverridesARevocation() {
        apply(ISSUED, EXPIRED);
        assertThat(award("a1").getString("status")).isEqualTo("expired");

        apply(new CredentialIssued("demo", "a2", ADA, "first-aid", 2, null, ELIGIBLE, FROM, UNTIL, "h.p.s"),
                new CredentialRevoked("demo", "a2", ADA, "first-aid", "fraud", "demo", FROM.plusSeconds(5)),
                new CredentialExpired("demo", "a2", ADA, "first-aid", UNTIL));
        assertThat(award("a2").getString("status")).isEqualTo("revoked");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        // given
        IssuerKeyPublished key = new IssuerKeyPublished("demo", "k1", "Ed25519", "{\"kty\":\"OKP\"}", FROM);
        apply(key, ISSUED, REVOKED);
        List<Document> awardsOnce = awards.find().into(new ArrayList<>());
        List<Document> keysOnce = issuerKeys.find().into(new ArrayList<>());

        // when
        apply(key, ISSUED, REVOKED);

        // then
        assertThat(awards.find().into(new ArrayList<>()).toString()).isEqualTo(awardsOnce.toString());
        assertThat(issuerKeys.find().into(new ArrayList<>()).toString()).isEqualTo(keysOnce.toString());
    }

    @Test
    void anIssuerKeepsEveryKeyItPublished() {
        // when
        apply(new IssuerKeyPublished("demo", "k1", "Ed25519", "{\"kid\":\"k1\"}", FROM),
                new IssuerKeyPublished("demo", "k2", "Ed25519", "{\"kid\":\"k2\"}", FROM.plusSeconds(60)),
                new IssuerKeyPublished("harbour-rto", "k3", "Ed25519", "{\"kid\":\"k3\"}", FROM));

        // then
        Document demo = issuerKeys.find(new Document("_id", "demo")).first();
        assertThat(demo).isNotNull();
        Document keys = demo.get("keys", Document.class);
        assertThat(keys.keySet()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(keys.get("k2", Document.class).getString("jwk")).isEqualTo("{\"kid\":\"k2\"}");
        assertThat(keys.get("k1", Document.class).getString("algorithm")).isEqualTo("Ed25519");
        assertThat(issuerKeys.countDocuments()).isEqualTo(2);
    }

    @Test
    void theProjectionOwnsBothCollections() {
        assertThat(projection.collections()).containsExactlyInAnyOrder("awards", "issuer_keys");
    }

    private void apply(LearnstackEvent... events) {
        List<Envelope> batch = new ArrayList<>();
        for (LearnstackEvent event : events) {
            batch.add(new Envelope(event, "learnstack.events", 0, batch.size()));
        }
        projection.apply(batch);
    }

    private Document award(String awardId) {
        Document award = awards.find(new Document("_id", awardId)).first();
        assertThat(award).isNotNull();
        return award;
    }
}
