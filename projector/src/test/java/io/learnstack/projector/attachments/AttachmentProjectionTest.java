package io.learnstack.projector.attachments;

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
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.AttachmentStored;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;

class AttachmentProjectionTest {

    private static final String SHA2 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a";
    private static final Instant STORED = Instant.parse("2026-11-24T09:00:01.250Z");

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> attachments;
    private AttachmentProjection projection;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        attachments = client.getDatabase("learnstack").getCollection("attachments");
        projection = new AttachmentProjection(client.getDatabase("learnstack"), new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aContentIsStoredAsBinaryUnderItsTenantAndHash() {
        // given
        AttachmentStored stored = stored("demo", "here is a simple attachment");

        // when
        projection.apply(List.of(new Envelope(stored, "learnstack.events", 0, 0)));

        // then
        Document document = attachments.find(new Document("_id", "demo|" + SHA2)).first();
        assertThat(document).isNotNull();
        assertThat(document.get("content", Binary.class).getData()).isEqualTo(stored.content());
        assertThat(document.getString("contentType")).isEqualTo("text/plain");
        assertThat(document.getDate("stored")).isEqualTo(Date.from(STORED));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        // given
        List<Envelope> batch = List.of(new Envelope(stored("demo", "here is a simple attachment"), "learnstack.events", 0, 0),
                new Envelope(stored("other", "here is a simple attachment"), "learnstack.events", 1, 0));
        projection.apply(batch);
        List<Document> once = attachments.find().into(new ArrayList<>());

        // when
        projection.apply(batch);

        // then
        List<Document> twice = attachments.find().into(new ArrayList<>());
        assertThat(twice).hasSize(2);
        assertThat(twice.toString()).isEqualTo(once.toString());
    }

    @Test
    void otherEventsLeaveTheAttachmentsAlone() {
        // when
        projection.apply(List.of(new Envelope(new StatementVoided("demo", "0b9f1b2e-0000-4000-8000-000000000001",
                "mbox:mailto:ada@example.org", "0b9f1b2e-0000-4000-8000-000000000002", STORED), "learnstack.events", 0, 0)));

        // then
        assertThat(attachments.countDocuments()).isZero();
    }

    private static AttachmentStored stored(String tenant, String content) {
        return new AttachmentStored(tenant, SHA2, "text/plain", content.getBytes(StandardCharsets.UTF_8), STORED);
    }
}
