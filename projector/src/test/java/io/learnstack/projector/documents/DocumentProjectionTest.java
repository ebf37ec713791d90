package io.learnstack.projector.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.DocumentAddress;
import io.learnstack.events.DocumentDeleted;
import io.learnstack.events.DocumentEvent;
import io.learnstack.events.DocumentKind;
import io.learnstack.events.DocumentStored;
import io.learnstack.events.StatementRecorded;
import io.learnstack.projector.bus.Envelope;

class DocumentProjectionTest {

    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String UNIT = "https://rto.example/units/HLTAID011";
    private static final String REGISTRATION = "6fbd600f-d17c-4c74-801a-2ec2e53231c7";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.125Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private DocumentProjection projection;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new DocumentProjection(database, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aStoredDocumentIsKeptWithItsBytesTypeEtagAndTime() {
        // given
        DocumentAddress address = state("bookmark", null);

        // when
        projection.apply(List.of(envelope(stored(address, "{\"page\":3}", T0), 0)));

        // then
        Document document = document(address);
        assertThat(document).isNotNull();
        assertThat(document.get("content", Binary.class).getData()).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"page\":3}");
        assertThat(document.getString("contentType")).isEqualTo("application/json");
        assertThat(document.getString("etag")).isEqualTo(etag("{\"page\":3}"));
        assertThat(document.getDate("stored")).isEqualTo(Date.from(T0));
    }

    @Test
    void theScopeListsItsDocumentsWithTheirTimesAndRegistrations() {
        // given
        DocumentAddress plain = state("bookmark", null);
        DocumentAddress registered = state("bookmark", REGISTRATION);
        DocumentAddress other = state("progress", REGISTRATION);

        // when
        projection.apply(List.of(envelope(stored(plain, "{}", T0), 0), envelope(stored(registered, "{}", T0.plusSeconds(1)), 1),
                envelope(stored(other, "{}", T0.plusSeconds(2)), 2)));

        // then
        Document entries = scope(plain).get("entries", Document.class);
        assertThat(entries).hasSize(3);
        Document entry = entries.get(DocumentKeys.entry("bookmark", REGISTRATION), Document.class);
        assertThat(entry.getString("documentId")).isEqualTo("bookmark");
        assertThat(entry.getString("registration")).isEqualTo(REGISTRATION);
        assertThat(entry.getDate("stored")).isEqualTo(Date.from(T0.plusSeconds(1)));
        assertThat(entries.get(DocumentKeys.entry("bookmark", null), Document.class).getString("registration")).isNull();
    }

    @Test
    void aNewVersionReplacesTheDocumentAndMovesItsTime() {
        // given
        DocumentAddress address = profile("preferences");

        // when
        projection.apply(List.of(envelope(stored(address, "{\"a\":1}", T0), 0)));
        projection.apply(List.of(envelope(stored(address, "{\"a\":1,\"b\":2}", T0.plusSeconds(5)), 1)));

        // then
        assertThat(document(address).get("content", Binary.class).getData()).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(scope(address).get("entries", Document.class).get(DocumentKeys.entry("preferences", null), Document.class)
                .getDate("stored")).isEqualTo(Date.from(T0.plusSeconds(5)));
    }

    @Test
    void aDeletedDocumentLeavesTheModelAndItsScope() {
        // given
        DocumentAddress deleted = agentProfile("cv");
        DocumentAddress kept = agentProfile("photo");
        projection.apply(List.of(envelope(stored(deleted, "{}", T0), 0), envelope(stored(kept, "{}", T0), 1)));

        // when
        projection.apply(List.of(envelope(new DocumentDeleted("demo", deleted, T0.plusSeconds(1)), 2)));

        // then
        assertThat(document(deleted)).isNull();
        assertThat(document(kept)).isNotNull();
        assertThat(scope(kept).get("entries", Document.class).keySet()).containsExactly(DocumentKeys.entry("photo", null));
    }

    @Test
    void idsWithReservedCharactersStayApartAndUsable() {
        // given
        DocumentAddress dotted = state("a.b$c|d", null);
        DocumentAddress empty = state("", null);
        DocumentAddress escapedLookalike = state("a%2Eb$c|d", null);

        // when
        projection.apply(List.of(envelope(stored(dotted, "1", T0), 0), envelope(stored(empty, "2", T0), 1),
                envelope(stored(escapedLookalike, "3", T0), 2)));

        // then
        assertThat(database.getCollection(DocumentProjection.DOCUMENTS).countDocuments()).isEqualTo(3);
        assertThat(scope(dotted).get("entries", Document.class).values()).extracting(entry -> ((Document) entry)
                .getString("documentId")).containsExactlyInAnyOrder("a.b$c|d", "", "a%2Eb$c|d");
    }

    @Test
    void eventsOtherThanDocumentsLeaveTheDocumentModelAlone() {
        // when
        projection.apply(List.of(new Envelope(new StatementRecorded("demo", "0b9f1b2e-0000-4000-8000-000000000001", ADA,
                "http://adlnet.gov/expapi/verbs/completed", "Activity", UNIT, null, T0, T0, "{}"), "learnstack.events", 0, 0)));

        // then
        assertThat(database.getCollection(DocumentProjection.DOCUMENTS).countDocuments()).isZero();
        assertThat(database.getCollection(DocumentProjection.SCOPES).countDocuments()).isZero();
    }

    @Nested
    class Redelivery {

        @Test
        void applyingTheSameBatchAgainChangesNothing() {
            // given
            List<Envelope> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                DocumentAddress address = i % 3 == 0 ? state("s" + (i % 7), i % 2 == 0 ? REGISTRATION : null)
                        : i % 3 == 1 ? profile("p" + (i % 5)) : agentProfile("g" + (i % 4));
                batch.add(envelope(i % 4 == 3 ? new DocumentDeleted("demo", address, T0.plusSeconds(i))
                        : stored(address, "{\"v\":" + i + "}", T0.plusSeconds(i)), i));
            }
            projection.apply(batch);
            List<Document> documentsBefore = all(DocumentProjection.DOCUMENTS);
            List<Document> scopesBefore = all(DocumentProjection.SCOPES);

            // when
            projection.apply(batch);

            // then
            assertThat(all(DocumentProjection.DOCUMENTS)).isEqualTo(documentsBefore).isNotEmpty();
            assertThat(all(DocumentProjection.SCOPES)).isEqualTo(scopesBefore);
        }

        @Test
        void anOlderBatchDeliveredAgainNeitherRevivesNorRollsBack() {
            // given: stored twice, then deleted; another document stored twice
            DocumentAddress deleted = state("deleted", null);
            DocumentAddress updated = state("updated", null);
            List<Envelope> older = List.of(envelope(stored(deleted, "{\"v\":1}", T0), 10),
                    envelope(stored(updated, "{\"v\":1}", T0), 11));
            List<Envelope> newer = List.of(envelope(new DocumentDeleted("demo", deleted, T0.plusSeconds(1)), 12),
                    envelope(stored(updated, "{\"v\":2}", T0.plusSeconds(1)), 13));
            projection.apply(older);
            projection.apply(newer);
            List<Document> documentsBefore = all(DocumentProjection.DOCUMENTS);
            List<Document> scopesBefore = all(DocumentProjection.SCOPES);

            // when
            projection.apply(older);

            // then
            assertThat(document(deleted)).isNull();
            assertThat(document(updated).get("content", Binary.class).getData()).asString(StandardCharsets.UTF_8)
                    .isEqualTo("{\"v\":2}");
            assertThat(all(DocumentProjection.DOCUMENTS)).isEqualTo(documentsBefore);
            assertThat(all(DocumentProjection.SCOPES)).isEqualTo(scopesBefore);
        }
    }

    private Document document(DocumentAddress address) {
        return database.getCollection(DocumentProjection.DOCUMENTS)
                .find(new Document("_id", DocumentKeys.document("demo", address))).first();
    }

    private Document scope(DocumentAddress address) {
        Document scope = database.getCollection(DocumentProjection.SCOPES)
                .find(new Document("_id", DocumentKeys.scope("demo", address))).first();
        assertThat(scope).isNotNull();
        return scope;
    }

    private List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static DocumentAddress state(String stateId, String registration) {
        return new DocumentAddress(DocumentKind.STATE, UNIT, ADA, registration, stateId);
    }

    private static DocumentAddress profile(String profileId) {
        return new DocumentAddress(DocumentKind.ACTIVITY_PROFILE, UNIT, null, null, profileId);
    }

    private static DocumentAddress agentProfile(String profileId) {
        return new DocumentAddress(DocumentKind.AGENT_PROFILE, null, ADA, null, profileId);
    }

    private static DocumentStored stored(DocumentAddress address, String json, Instant stored) {
        return new DocumentStored("demo", address, "application/json", json.getBytes(StandardCharsets.UTF_8),
                etag(json), stored);
    }

    private static String etag(String content) {
        return "\"" + Integer.toHexString(content.hashCode()) + "\"";
    }

    private static Envelope envelope(DocumentEvent event, long offset) {
        return new Envelope(event, "learnstack.events", 0, offset);
    }
}
