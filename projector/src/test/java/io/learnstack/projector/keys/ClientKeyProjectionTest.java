package io.learnstack.projector.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.events.ClientKeyIssued;
import io.learnstack.events.ClientKeyRevoked;
import io.learnstack.events.ClientKeySecretRotated;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.projector.bus.Envelope;

class ClientKeyProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ClientKeyProjection projection;
    private long nextOffset;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new ClientKeyProjection(database);
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anIssuedKeyIsOneDocumentByItsName() {
        projection.apply(envelopes(new ClientKeyIssued("rto-a", "k-1", "$hash1", List.of("xapi", "analyst"), T0)));

        Document key = key("k-1");
        assertThat(key.getString("tenant")).isEqualTo("rto-a");
        assertThat(key.getString("secretHash")).isEqualTo("$hash1");
        assertThat(key.getList("roles", String.class)).containsExactly("xapi", "analyst");
        assertThat(key.getBoolean("revoked")).isFalse();
        assertThat(key.getString("issued")).isEqualTo("2026-11-24T09:00:00Z");
    }

    @Test
    void aRedeliveredBatchChangesNothingAndAnOlderSecretNeverComesBack() {
        List<Envelope> batch = envelopes(
                new ClientKeyIssued("rto-a", "k-1", "$hash1", List.of("xapi"), T0),
                new ClientKeySecretRotated("rto-a", "k-1", "$hash2", 2, T0.plusSeconds(1)),
                new ClientKeySecretRotated("rto-a", "k-1", "$hash3", 3, T0.plusSeconds(2)));
        projection.apply(batch);
        Document once = key("k-1");

        projection.apply(batch);
        projection.apply(batch.subList(1, 2));

        assertThat(key("k-1")).isEqualTo(once);
        assertThat(once.getString("secretHash")).isEqualTo("$hash3");
        assertThat(once.getInteger("generation")).isEqualTo(3);
    }

    @Test
    void revocationIsFinalAndDropsTheHash() {
        List<Envelope> batch = envelopes(
                new ClientKeyIssued("rto-a", "k-1", "$hash1", List.of("xapi"), T0),
                new ClientKeyRevoked("rto-a", "k-1", T0.plusSeconds(5)));
        projection.apply(batch);

        projection.apply(batch);
        projection.apply(envelopes(new ClientKeySecretRotated("rto-a", "k-1", "$hash9", 9, T0.plusSeconds(9))));

        Document key = key("k-1");
        assertThat(key.getBoolean("revoked")).isTrue();
        assertThat(key.getString("secretHash")).isNull();
        assertThat(key.getString("revokedAt")).isEqualTo("2026-11-24T09:00:05Z");
    }

    @Test
    void aRebuildFromTheStartGivesTheSameDocuments() {
        List<Envelope> all = envelopes(
                new ClientKeyIssued("rto-a", "k-1", "$hash1", List.of("xapi"), T0),
                new ClientKeyIssued("rto-b", "k-2", "$hash2", List.of("analyst"), T0),
                new ClientKeySecretRotated("rto-a", "k-1", "$hash3", 2, T0.plusSeconds(1)),
                new ClientKeyRevoked("rto-b", "k-2", T0.plusSeconds(2)));
        projection.apply(all);
        List<Document> live = database.getCollection(ClientKeyProjection.COLLECTION).find().into(new ArrayList<>());

        database.getCollection(ClientKeyProjection.COLLECTION).drop();
        projection.apply(all.subList(0, 2));
        projection.apply(all.subList(2, 4));

        assertThat(database.getCollection(ClientKeyProjection.COLLECTION).find().into(new ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(live);
    }

    private Document key(String key) {
        return database.getCollection(ClientKeyProjection.COLLECTION).find(new Document("_id", key)).first();
    }

    private List<Envelope> envelopes(LearnstackEvent... events) {
        List<Envelope> batch = new ArrayList<>();
        for (LearnstackEvent event : events) {
            batch.add(new Envelope(event, "learnstack.events", 0, nextOffset++));
        }
        return batch;
    }
}
