package io.learnstack.query.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Reads contents laid out as the projector writes them: by tenant and hash. */
class AttachmentContentsTest {

    private static final String FIRST = "aa".repeat(32);
    private static final String SECOND = "bb".repeat(32);
    private static final String LINKED_ONLY = "cc".repeat(32);

    private MongoServer server;
    private MongoClient client;
    private AttachmentContents contents;

    @BeforeEach
    void seed() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("learnstack");
        contents = new AttachmentContents(database);
        for (String[] row : new String[][] {{"demo", FIRST, "one"}, {"demo", SECOND, "two"}, {"other", LINKED_ONLY, "x"}}) {
            database.getCollection("attachments").insertOne(new Document("_id", row[0] + "|" + row[1])
                    .append("tenant", row[0]).append("sha2", row[1]).append("contentType", "text/plain")
                    .append("content", new Binary(row[2].getBytes(StandardCharsets.UTF_8))));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void findsATenantsContentsInTheOrderAskedAndLeavesOutWhatItDoesNotHold() {
        // when: the third hash is stored, but for another tenant
        List<AttachmentContent> found = contents.find("demo", List.of(SECOND, LINKED_ONLY, FIRST));

        // then
        assertThat(found).extracting(AttachmentContent::sha2).containsExactly(SECOND, FIRST);
        assertThat(new String(found.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(found.get(0).contentType()).isEqualTo("text/plain");
    }
}
