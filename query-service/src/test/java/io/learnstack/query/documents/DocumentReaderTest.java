package io.learnstack.query.documents;

import static io.learnstack.query.documents.ProjectedDocuments.activityProfile;
import static io.learnstack.query.documents.ProjectedDocuments.agentProfile;
import static io.learnstack.query.documents.ProjectedDocuments.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Reads a document read model laid out as the projector writes it. */
class DocumentReaderTest {

    private static final String UNIT = "https://rto.example/units/HLTAID011";
    private static final String ADA = "mbox:mailto:ada@example.org";
    private static final String REGISTRATION = "6fbd600f-d17c-4c74-801a-2ec2e53231c7";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.250Z");

    private MongoServer server;
    private MongoClient client;
    private DocumentReader reader;
    private ProjectedDocuments projected;

    @BeforeEach
    void seed() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("learnstack");
        reader = new DocumentReader(database);
        projected = new ProjectedDocuments(database, "demo");
        projected.store(state(UNIT, ADA), null, "bookmark", "application/json", "{\"page\":3}", "\"e1\"", T0);
        projected.store(state(UNIT, ADA), REGISTRATION, "bookmark", "application/json", "{\"page\":9}", "\"e2\"",
                T0.plusSeconds(2));
        projected.store(state(UNIT, ADA), REGISTRATION, "progress", "text/plain", "40%", "\"e3\"", T0.plusSeconds(1));
        projected.store(activityProfile(UNIT), null, "syllabus", "application/json", "{}", "\"e4\"", T0);
        projected.store(agentProfile(ADA), null, "preferences", "application/json", "{}", "\"e5\"", T0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDocumentIsFoundWithEverythingItWasStoredWith() {
        // when
        StoredDocument found = reader.find("demo", state(UNIT, ADA), REGISTRATION, "progress").orElseThrow();

        // then
        assertThat(new String(found.content(), StandardCharsets.UTF_8)).isEqualTo("40%");
        assertThat(found.contentType()).isEqualTo("text/plain");
        assertThat(found.etag()).isEqualTo("\"e3\"");
        assertThat(found.stored()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aStateWithoutRegistrationIsNotTheOneWithARegistration() {
        assertThat(reader.find("demo", state(UNIT, ADA), null, "bookmark").orElseThrow().etag()).isEqualTo("\"e1\"");
        assertThat(reader.find("demo", state(UNIT, ADA), REGISTRATION, "bookmark").orElseThrow().etag()).isEqualTo("\"e2\"");
        assertThat(reader.find("demo", state(UNIT, ADA), null, "progress")).isEmpty();
    }

    @Test
    void documentsOfOtherScopesOrTenantsAreNotFound() {
        assertThat(reader.find("demo", state(UNIT, "mbox:mailto:grace@example.org"), null, "bookmark")).isEmpty();
        assertThat(reader.find("other", state(UNIT, ADA), null, "bookmark")).isEmpty();
        assertThat(reader.find("demo", activityProfile(UNIT), null, "preferences")).isEmpty();
        assertThat(reader.find("demo", agentProfile(ADA), null, "preferences")).isPresent();
    }

    @Test
    void aListWithoutRegistrationNamesEveryStateIdOnceOldestFirst() {
        // when
        DocumentReader.Listing listing = reader.list("demo", state(UNIT, ADA), null, null);

        // then
        assertThat(listing.documentIds()).containsExactly("bookmark", "progress");
        assertThat(listing.lastModified()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void aListNarrowsToARegistrationAndToDocumentsStoredAfterSince() {
        assertThat(reader.list("demo", state(UNIT, ADA), REGISTRATION, null).documentIds())
                .containsExactly("progress", "bookmark");
        assertThat(reader.list("demo", state(UNIT, ADA), null, T0.plusSeconds(1)).documentIds())
                .as("since is exclusive").containsExactly("bookmark");
        assertThat(reader.list("demo", state(UNIT, ADA), null, T0.plusSeconds(2)).documentIds()).isEmpty();
    }

    @Test
    void anUnknownScopeListsNothing() {
        DocumentReader.Listing listing = reader.list("demo", activityProfile("https://rto.example/none"), null, null);

        assertThat(listing.documentIds()).isEmpty();
        assertThat(listing.lastModified()).isNull();
    }
}
