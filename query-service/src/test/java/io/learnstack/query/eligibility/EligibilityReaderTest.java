package io.learnstack.query.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

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

class EligibilityReaderTest {

    private MongoServer server;
    private MongoClient mongo;
    private EligibilityReader reader;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = mongo.getDatabase("learnstack");
        reader = new EligibilityReader(database);
        database.getCollection("eligibility_credentials").insertMany(List.of(
                page("rto|cpr|0", "ada", "issued"),
                page("rto|cpr|63", "grace", "issued"),
                page("rto|cpr|17", "lin", "eligible"),
                page("rto|other|17", "zoe", "eligible")));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
        server.shutdownNow();
    }

    @Test
    void aCredentialsPagesAreReadAsOneBucket() {
        Document bucket = reader.bucket("rto", "cpr");

        assertThat(bucket.get("rows", Document.class).keySet()).containsExactlyInAnyOrder("ada", "grace", "lin");
        assertThat(bucket.get("counts", Document.class)).containsEntry("issued", 2).containsEntry("eligible", 1);
    }

    @Test
    void countsAreSummedOverThePagesOfEachCredential() {
        assertThat(reader.counts("rto", List.of("cpr", "other", "none")))
                .containsOnlyKeys("cpr", "other")
                .hasEntrySatisfying("other", counts ->
                        assertThat(counts.get("counts", Document.class)).containsEntry("eligible", 1));
    }

    private static Document page(String id, String learner, String status) {
        return new Document("_id", id).append("rows", new Document(learner, new Document("learner", learner)
                .append("status", status))).append("counts", new Document(status, 1)).append("version", 1L);
    }
}
