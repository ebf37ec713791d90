package io.learnstack.projector.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.CredentialRetired;
import io.learnstack.events.CredentialRevised;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.Requirement;
import io.learnstack.projector.bus.Envelope;

class CatalogueProjectionTest {

    private static final String TOPIC = "learnstack.events";
    private static final String CPR = "https://rto.example/units/HLTAID009";
    private static final String EXAM = "https://rto.example/exams/first-aid";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.125Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private CatalogueProjection projection;
    private long nextOffset;

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new CatalogueProjection(database, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDefinedCredentialIsKeptInTheRequestShapeWithItsRevisionAndTimes() {
        // given
        Requirement requirement = new Requirement.Within(Period.ofMonths(24), new Requirement.AtLeast(1, List.of(
                new Requirement.ActivityCompleted(CPR), new Requirement.AssessmentPassed(EXAM, 0.8),
                new Requirement.CredentialHeld("cpr"))));

        // when
        projection.apply(List.of(envelope(new CredentialDefined("demo", definition("first-aid", 1, requirement,
                IssuancePolicy.ON_APPROVAL), T0))));

        // then
        Document credential = credential("demo", "first-aid");
        assertThat(credential.get("definition", Document.class).toJson()).isEqualTo(Document.parse("""
                {"id":"first-aid","name":"Credential first-aid","description":"certifies first-aid",
                 "image":"https://rto.example/badges/first-aid.png","kind":"skill set",
                 "requirement":{"type":"within","window":"P24M","requirement":{"type":"atLeast","count":1,"of":[
                   {"type":"activityCompleted","activityId":"https://rto.example/units/HLTAID009"},
                   {"type":"assessmentPassed","activityId":"https://rto.example/exams/first-aid","minScaledScore":0.8},
                   {"type":"credentialHeld","credentialId":"cpr"}]}},
                 "validity":"P3Y","issuance":"on-approval","revision":1}""").toJson());
        assertThat(credential.getBoolean("retired")).isFalse();
        assertThat(credential.getString("defined")).isEqualTo("2026-11-24T09:00:00.125Z");
        assertThat(credential.getList("revisions", Document.class))
                .containsExactly(new Document("revision", 1).append("at", "2026-11-24T09:00:00.125Z"));
        assertThat(rows("demo")).extracting(row -> row.getString("id")).containsExactly("first-aid");
    }

    @Test
    void revisionsAndRetirementShowInTheCredentialAndInTheTenantsList() {
        // when
        projection.apply(List.of(
                envelope(defined("cpr")),
                envelope(defined("basic-life-support")),
                envelope(new CredentialRevised("demo", definition("cpr", 2, completed(EXAM), IssuancePolicy.AUTOMATIC),
                        T0.plusSeconds(60))),
                envelope(new CredentialRetired("demo", "basic-life-support", T0.plusSeconds(120)))));

        // then
        Document cpr = credential("demo", "cpr");
        assertThat(cpr.get("definition", Document.class).getInteger("revision")).isEqualTo(2);
        assertThat(cpr.get("definition", Document.class).get("requirement", Document.class).getString("activityId"))
                .isEqualTo(EXAM);
        assertThat(cpr.getString("revised")).isEqualTo("2026-11-24T09:01:00.125Z");
        assertThat(cpr.getList("revisions", Document.class)).extracting(revision -> revision.getInteger("revision"))
                .containsExactly(1, 2);
        List<Document> rows = rows("demo");
        assertThat(rows).extracting(row -> row.getString("id")).containsExactly("basic-life-support", "cpr");
        assertThat(rows.get(0).getBoolean("retired")).isTrue();
        assertThat(rows.get(0).getString("retiredAt")).isEqualTo("2026-11-24T09:02:00.125Z");
        assertThat(rows.get(1).getInteger("revision")).isEqualTo(2);
        assertThat(rows.get(1).getString("defined")).isEqualTo("2026-11-24T09:00:00.125Z");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        // given
        List<Envelope> batch = List.of(
                envelope(defined("cpr")),
                envelope(new CredentialRevised("demo", definition("cpr", 2, completed(EXAM), IssuancePolicy.AUTOMATIC),
                        T0.plusSeconds(60))),
                envelope(new CredentialRetired("demo", "cpr", T0.plusSeconds(120))));
        projection.apply(batch);
        List<Document> before = everything();

        // when
        projection.apply(batch);
        projection.apply(batch.subList(0, 1));

        // then
        assertThat(everything()).isEqualTo(before);
        assertThat(credential("demo", "cpr").getList("revisions", Document.class)).hasSize(2);
    }

    @Test
    void aListLostInACrashIsRewrittenFromTheCredentialsOnRedelivery() {
        // given: the credentials were written, the list with its offsets was not
        List<Envelope> batch = List.of(envelope(defined("cpr")), envelope(new CredentialRevised("demo",
                definition("cpr", 2, completed(EXAM), IssuancePolicy.AUTOMATIC), T0.plusSeconds(60))));
        projection.apply(batch);
        Document credentialBefore = credential("demo", "cpr");
        database.getCollection(CatalogueProjection.LISTS).drop();

        // when
        projection.apply(batch);

        // then
        assertThat(credential("demo", "cpr")).isEqualTo(credentialBefore);
        assertThat(rows("demo")).singleElement().satisfies(row -> assertThat(row.getInteger("revision")).isEqualTo(2));
    }

    @Test
    void tenantsHaveTheirOwnCatalogues() {
        // when
        projection.apply(List.of(envelope(defined("cpr")),
                envelope(new CredentialDefined("harbour-rto", definition("cpr", 1, completed(EXAM),
                        IssuancePolicy.AUTOMATIC), T0))));

        // then
        assertThat(credential("demo", "cpr").get("definition", Document.class).get("requirement", Document.class)
                .getString("activityId")).isEqualTo(CPR);
        assertThat(credential("harbour-rto", "cpr").get("definition", Document.class)
                .get("requirement", Document.class).getString("activityId")).isEqualTo(EXAM);
        assertThat(rows("harbour-rto")).hasSize(1);
    }

    @Test
    void aRebuildDropsBothCollections() {
        assertThat(projection.collections()).containsExactlyInAnyOrder("credential_catalogue",
                "credential_catalogue_lists");
    }

    private Document credential(String tenant, String id) {
        return database.getCollection(CatalogueProjection.CREDENTIALS)
                .find(new Document("_id", CatalogueProjection.credentialKey(tenant, id))).first();
    }

    private List<Document> rows(String tenant) {
        return database.getCollection(CatalogueProjection.LISTS).find(new Document("_id", tenant)).first()
                .getList("rows", Document.class);
    }

    private List<Document> everything() {
        List<Document> all = new ArrayList<>();
        for (String name : projection.collections()) {
            MongoCollection<Document> collection = database.getCollection(name);
            collection.find().sort(new Document("_id", 1)).forEach(all::add);
        }
        return all;
    }

    private Envelope envelope(LearnstackEvent event) {
        return new Envelope(event, TOPIC, 3, nextOffset++);
    }

    private static CredentialDefined defined(String id) {
        return new CredentialDefined("demo", definition(id, 1, completed(CPR), IssuancePolicy.AUTOMATIC), T0);
    }

    private static CredentialDefinition definition(String id, int revision, Requirement requirement,
            IssuancePolicy issuance) {
        return new CredentialDefinition(id, revision, "Credential " + id, "certifies " + id,
                "https://rto.example/badges/" + id + ".png", "skill set", requirement, Period.ofYears(3), issuance);
    }

    private static Requirement completed(String activityId) {
        return new Requirement.ActivityCompleted(activityId);
    }
}
