package io.learnstack.projector.eligibility;

import static io.learnstack.projector.eligibility.EligibilityFixtures.ADA;
import static io.learnstack.projector.eligibility.EligibilityFixtures.GRACE;
import static io.learnstack.projector.eligibility.EligibilityFixtures.QUIZ;
import static io.learnstack.projector.eligibility.EligibilityFixtures.TENANT;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_A;
import static io.learnstack.projector.eligibility.EligibilityFixtures.UNIT_B;
import static io.learnstack.projector.eligibility.EligibilityFixtures.allOf;
import static io.learnstack.projector.eligibility.EligibilityFixtures.completed;
import static io.learnstack.projector.eligibility.EligibilityFixtures.day;
import static io.learnstack.projector.eligibility.EligibilityFixtures.definition;
import static io.learnstack.projector.eligibility.EligibilityFixtures.held;
import static io.learnstack.projector.eligibility.EligibilityFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.events.AssessmentSubmitted;
import io.learnstack.events.CompletionRecorded;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRetired;
import io.learnstack.events.CredentialRevised;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.events.StatementVoided;
import io.learnstack.projector.bus.Envelope;

class EligibilityProjectionTest {

    private static final String TOPIC = "learnstack.events";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final CredentialDefinition UNIT = definition("unit-a", 1, completed(UNIT_A));
    private static final CredentialDefinition MICRO = definition("micro", 1, allOf(held("unit-a"), passed(QUIZ, 0.5)));
    private static final CredentialDefinition SKILL_SET = definition("skill-set", 1, allOf(held("micro"), completed(UNIT_B)),
            null, CredentialDefinition.IssuancePolicy.ON_APPROVAL);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private EligibilityProjection projection;
    private final Map<Integer, Long> nextOffsets = new LinkedHashMap<>();

    @BeforeEach
    void startReadModelServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("learnstack");
        projection = new EligibilityProjection(database, JSON, new SimpleMeterRegistry(), CLOCK);
    }

    @AfterEach
    void stopReadModelServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLearnerWhoMeetsAnAutomaticCredentialIsEligible_listed_counted_andRequested() {
        // given
        apply(defined(UNIT));

        // when
        apply(completion("s1", ADA, UNIT_A, day(1)));

        // then
        Document status = status(ADA, "unit-a");
        assertThat(status.getString("status")).isEqualTo("eligible");
        assertThat(status.getString("eligibleAt")).isEqualTo(day(1).toString());
        Document bucket = bucket("unit-a");
        assertThat(row(bucket, ADA).getString("status")).isEqualTo("eligible");
        assertThat(bucket.get("counts", Document.class).getInteger("eligible")).isEqualTo(1);
        Document request = database.getCollection(IssuanceOutbox.COLLECTION)
                .find(new Document("_id", IssuanceOutbox.id(TENANT, ADA, "unit-a", day(1)))).first();
        assertThat(request).isNotNull();
        assertThat(request.getString("state")).isEqualTo("pending");
    }

    @Test
    void aNewRequestIsAnnouncedAtOnce_oneRecordedAgainIsNot() {
        // given
        java.util.concurrent.atomic.AtomicInteger announced = new java.util.concurrent.atomic.AtomicInteger();
        EligibilityProjection announcing = new EligibilityProjection(database, JSON, new SimpleMeterRegistry(), CLOCK,
                announced::incrementAndGet);
        announcing.apply(envelopes(defined(UNIT)));

        // when
        announcing.apply(envelopes(completion("s1", ADA, UNIT_A, day(1))));

        // then
        assertThat(announced).hasValue(1);

        // when: the same batch again, and evidence that changes nothing about the eligibility
        announcing.apply(envelopes(completion("s1", ADA, UNIT_A, day(1))));
        announcing.apply(envelopes(completion("s2", ADA, UNIT_B, day(2))));

        // then
        assertThat(announced).hasValue(1);
        assertThat(outboxIds()).containsExactly(IssuanceOutbox.id(TENANT, ADA, "unit-a", day(1)));
    }

    @Test
    void issuanceIsNotRequestedForACredentialIssuedOnApproval() {
        // given
        apply(defined(SKILL_SET));

        // when
        apply(completion("s1", ADA, UNIT_B, day(1)), issued("a-micro", ADA, "micro", day(2)));

        // then
        assertThat(status(ADA, "skill-set").getString("status")).isEqualTo("eligible");
        assertThat(database.getCollection(IssuanceOutbox.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void anIssuedLowerLevelMakesTheLevelsAboveEligible_threeLevelsUp() {
        // given
        apply(defined(UNIT), defined(MICRO), defined(SKILL_SET));
        apply(completion("s1", ADA, UNIT_A, day(1)), pass("s2", ADA, 0.8, day(2)), completion("s3", ADA, UNIT_B, day(3)));
        assertThat(status(ADA, "micro").getString("status")).isEqualTo("in-progress");

        // when
        apply(issued("a-unit", ADA, "unit-a", day(4)));

        // then
        assertThat(status(ADA, "unit-a").getString("status")).isEqualTo("issued");
        assertThat(status(ADA, "micro").getString("status")).isEqualTo("eligible");
        assertThat(status(ADA, "skill-set").getString("status")).isEqualTo("in-progress");
        assertThat(outboxIds()).containsExactly(IssuanceOutbox.id(TENANT, ADA, "micro", day(4)));

        // when
        apply(issued("a-micro", ADA, "micro", day(5)));

        // then
        assertThat(status(ADA, "skill-set").getString("status")).isEqualTo("eligible");
        assertThat(status(ADA, "skill-set").getString("eligibleAt")).isEqualTo(day(5).toString());
        assertThat(outboxIds()).as("the micro-credential's request is forgotten once it is issued").isEmpty();
        assertThat(bucket("micro").get("counts", Document.class)).containsEntry("issued", 1).containsEntry("eligible", 0);
    }

    @Test
    void aRequestAlreadySentIsForgottenWhenItsAwardArrives_butOneForAnotherEligibilityIsNot() {
        // given
        apply(defined(UNIT));
        apply(completion("s1", ADA, UNIT_A, day(1)), completion("s2", GRACE, UNIT_A, day(1)));
        database.getCollection(IssuanceOutbox.COLLECTION).updateMany(new Document(),
                new Document("$set", new Document("state", "done")));

        // when: Ada's award for that eligibility arrives, Grace's for another (given by hand) too
        apply(issued("a1", ADA, "unit-a", day(1)), new CredentialIssued(TENANT, "a2", GRACE, "unit-a", 1, "demo", day(5),
                day(5), null, "jwt"));

        // then
        assertThat(outboxIds()).containsExactly(IssuanceOutbox.id(TENANT, GRACE, "unit-a", day(1)));
    }

    @Test
    void aVoidedCompletionTakesTheEligibilityBack() {
        // given
        apply(defined(UNIT));
        apply(completion("s1", ADA, UNIT_A, day(1)));

        // when
        apply(new StatementVoided(TENANT, "s1", ADA, "v1", day(2)));

        // then
        assertThat(status(ADA, "unit-a").getString("status")).isEqualTo("not-started");
        assertThat(row(bucket("unit-a"), ADA)).isNull();
        assertThat(outboxIds()).isEmpty();
    }

    @Test
    void redeliveringABatchChangesNothing() {
        // given
        List<Envelope> catalogue = envelopes(defined(UNIT), defined(MICRO));
        List<Envelope> learner = envelopes(completion("s1", ADA, UNIT_A, day(1)), pass("s2", ADA, 0.8, day(2)),
                issued("a-unit", ADA, "unit-a", day(3)), new StatementVoided(TENANT, "s2", ADA, "v", day(4)));
        projection.apply(catalogue);
        projection.apply(learner);
        Map<String, List<Document>> once = snapshot(false);

        // when
        projection.apply(catalogue);
        projection.apply(learner);
        projection.apply(learner.subList(0, 2));

        // then
        assertThat(snapshot(false)).isEqualTo(once);
    }

    @Nested
    class CatalogueOrder {

        @Test
        void aDefinitionAppliedAfterTheLearnersEventsRecomputesThem() {
            // given
            apply(completion("s1", ADA, UNIT_A, day(1)), completion("s2", GRACE, UNIT_B, day(1)));

            // when
            apply(defined(UNIT));

            // then
            assertThat(status(ADA, "unit-a").getString("status")).isEqualTo("eligible");
            assertThat(status(GRACE, "unit-a").getString("status")).isEqualTo("not-started");
            assertThat(outboxIds()).containsExactly(IssuanceOutbox.id(TENANT, ADA, "unit-a", day(1)));
        }

        @Test
        void aRevisionRecomputesEveryLearnerOfTheTenant() {
            // given
            apply(defined(UNIT));
            apply(completion("s1", ADA, UNIT_A, day(1)), completion("s2", GRACE, UNIT_A, day(1)),
                    completion("s3", GRACE, UNIT_B, day(2)));

            // when
            apply(new CredentialRevised(TENANT, definition("unit-a", 2, allOf(completed(UNIT_A), completed(UNIT_B))),
                    day(3)));

            // then
            Document ada = status(ADA, "unit-a");
            assertThat(ada.getString("status")).isEqualTo("in-progress");
            assertThat(ada.getList("missing", Document.class)).extracting(leaf -> leaf.getString("activityId"))
                    .containsExactly(UNIT_B);
            assertThat(status(GRACE, "unit-a").getString("eligibleAt")).isEqualTo(day(2).toString());
            assertThat(outboxIds()).containsExactly(IssuanceOutbox.id(TENANT, GRACE, "unit-a", day(2)));
        }

        @Test
        void anOlderRevisionArrivingLateDoesNotWin() {
            // given
            apply(new CredentialRevised(TENANT, definition("unit-a", 2, completed(UNIT_B)), day(3)));

            // when
            apply(defined(UNIT), completion("s1", ADA, UNIT_B, day(1)));

            // then
            assertThat(status(ADA, "unit-a").getString("status")).isEqualTo("eligible");
        }

        @Test
        void retiringACredentialDropsThoseNotHoldingIt() {
            // given
            apply(defined(UNIT));
            apply(completion("s1", ADA, UNIT_A, day(1)));

            // when
            apply(new CredentialRetired(TENANT, "unit-a", day(2)));

            // then
            assertThat(learner(ADA).getList("statuses", Document.class)).isEmpty();
            assertThat(row(bucket("unit-a"), ADA)).isNull();
            assertThat(outboxIds()).isEmpty();
        }
    }

    @Test
    void aRebuildInOtherBatchesAndPartitionOrderGivesTheSameReadModel() {
        // given: the live run, catalogue events interleaved with the learners'
        List<Envelope> ada = envelopes(completion("s1", ADA, UNIT_A, day(1)), pass("s2", ADA, 0.8, day(2)),
                issued("a-unit", ADA, "unit-a", day(3)), completion("s3", ADA, UNIT_B, day(4)),
                issued("a-micro", ADA, "micro", day(5)));
        List<Envelope> grace = envelopes(completion("s4", GRACE, UNIT_A, day(1)), new StatementVoided(TENANT, "s4", GRACE,
                "v", day(2)), pass("s5", GRACE, 0.2, day(3)), completion("s6", GRACE, UNIT_B, day(6)));
        List<Envelope> catalogue = envelopes(defined(UNIT), defined(MICRO), defined(SKILL_SET),
                new CredentialRevised(TENANT, definition("micro", 2, allOf(held("unit-a"), passed(QUIZ, 0.1))), day(7)));
        projection.apply(List.of(catalogue.get(0), ada.get(0), grace.get(0)));
        projection.apply(List.of(ada.get(1), catalogue.get(1), ada.get(2)));
        projection.apply(List.of(grace.get(1), grace.get(2), catalogue.get(2)));
        projection.apply(List.of(ada.get(3), ada.get(4), grace.get(3), catalogue.get(3)));
        Map<String, List<Document>> live = snapshot(true);

        // when: rebuilt into empty collections, the learners first, one batch, then the catalogue
        projection.collections().forEach(name -> database.getCollection(name).drop());
        List<Envelope> learners = new ArrayList<>(grace);
        learners.addAll(ada);
        projection.apply(learners);
        projection.apply(catalogue);

        // then
        assertThat(snapshot(true)).isEqualTo(live);
        assertThat(status(ADA, "skill-set").getString("status")).isEqualTo("eligible");
        assertThat(status(GRACE, "micro").getString("status")).isEqualTo("in-progress");
    }

    @Test
    void theCatalogueAndTheLearnersConsumersAtOnceGiveWhatOneAfterTheOtherGives() throws Exception {
        // given: many learners' events, and definitions revised while they are applied
        List<Envelope> learners = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            String learner = "mbox:mailto:learner" + n + "@example.org";
            learners.addAll(envelopes(completion("c" + n, learner, UNIT_A, day(n)), pass("p" + n, learner, n / 40.0, day(n + 1)),
                    issued("a" + n, learner, "unit-a", day(n + 2))));
        }
        List<Envelope> catalogue = envelopes(defined(UNIT), defined(MICRO),
                new CredentialRevised(TENANT, definition("micro", 2, allOf(held("unit-a"), passed(QUIZ, 0.3))), day(9)),
                new CredentialRevised(TENANT, definition("micro", 3, allOf(held("unit-a"), passed(QUIZ, 0.6))), day(9)));

        // when
        Thread catalogueConsumer = new Thread(() -> catalogue.forEach(envelope -> projection.apply(List.of(envelope))));
        catalogueConsumer.start();
        for (int from = 0; from < learners.size(); from += 10) {
            projection.apply(learners.subList(from, from + 10));
        }
        catalogueConsumer.join();
        Map<String, List<Document>> concurrent = snapshot(true);
        projection.collections().forEach(name -> database.getCollection(name).drop());
        projection.apply(catalogue);
        projection.apply(learners);

        // then
        assertThat(concurrent).isEqualTo(snapshot(true));
        assertThat(bucket("micro").get("counts", Document.class)).containsEntry("eligible", 16);
    }

    // --- helpers

    private void apply(LearnstackEvent... events) {
        projection.apply(envelopes(events));
    }

    /** Learners' events on partitions 0 and 1, the catalogue's on partition 2, offsets counting up. */
    private List<Envelope> envelopes(LearnstackEvent... events) {
        List<Envelope> envelopes = new ArrayList<>();
        for (LearnstackEvent event : events) {
            int partition = event.partitionKey().endsWith("catalogue") ? 2 : event.partitionKey().contains(ADA) ? 0 : 1;
            long offset = nextOffsets.merge(partition, 1L, Long::sum);
            envelopes.add(new Envelope(event, TOPIC, partition, offset));
        }
        return envelopes;
    }

    private Map<String, List<Document>> snapshot(boolean withoutBookkeeping) {
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        for (String name : projection.collections().stream().sorted().toList()) {
            List<Document> documents = new ArrayList<>();
            database.getCollection(name).find().forEach(document -> {
                // A page whose last row left is the same read model as a page never written.
                if (!(withoutBookkeeping && document.get("rows", new Document()).isEmpty()
                        && name.equals(CredentialBuckets.COLLECTION))
                        && !(withoutBookkeeping && name.equals(IssuanceOutbox.COLLECTION) && leftBehind(document))) {
                    documents.add(withoutBookkeeping ? withoutBookkeeping(document) : document);
                }
            });
            documents.sort(Comparator.comparing(document -> document.getString("_id")));
            snapshot.put(name, documents);
        }
        return snapshot;
    }

    /**
     * A pending request the learner's document no longer supports: a decision that lost a race for the learner
     * to another consumer can leave one behind, and the dispatcher, which reads the learner's document before
     * it sends anything, drops it unsent. Which race is lost depends on timing, so it is no part of the result.
     */
    private boolean leftBehind(Document request) {
        Document learner = database.getCollection(EligibilityProjection.LEARNERS)
                .find(new Document("_id", request.getString("tenant") + "|" + request.getString("learnerKey"))).first();
        return IssuanceOutbox.PENDING.equals(request.getString("state"))
                && !IssuanceDispatcher.supports(learner, request);
    }

    /** Versions and generations count writes, offsets positions: a rebuild in other batches writes other ones. */
    private static Document withoutBookkeeping(Document document) {
        Document copy = Document.parse(document.toJson());
        copy.remove("version");
        copy.remove("applied");
        copy.remove("generation");
        Document rows = copy.get("rows", Document.class);
        if (rows != null) {
            rows.values().forEach(row -> ((Document) row).remove("v"));
        }
        Document counts = copy.get("counts", Document.class);
        if (counts != null) {
            counts.values().removeAll(Collections.singleton(0));
        }
        return copy;
    }

    private Document learner(String learnerKey) {
        return database.getCollection(EligibilityProjection.LEARNERS).find(new Document("_id", TENANT + "|" + learnerKey))
                .first();
    }

    private Document status(String learnerKey, String credentialId) {
        return learner(learnerKey).getList("statuses", Document.class).stream()
                .filter(status -> status.getString("credentialId").equals(credentialId)).findFirst().orElseThrow();
    }

    private Document bucket(String credentialId) {
        return CredentialBuckets.read(database.getCollection(CredentialBuckets.COLLECTION), TENANT, credentialId);
    }

    private static Document row(Document bucket, String learnerKey) {
        return bucket.get("rows", Document.class).get(CredentialBuckets.field(learnerKey), Document.class);
    }

    private List<String> outboxIds() {
        List<String> ids = new ArrayList<>();
        database.getCollection(IssuanceOutbox.COLLECTION).find().forEach(request -> ids.add(request.getString("_id")));
        return ids;
    }

    private static CredentialDefined defined(CredentialDefinition definition) {
        return new CredentialDefined(TENANT, definition, day(0));
    }

    private static CompletionRecorded completion(String statementId, String learner, String activityId, Instant at) {
        return new CompletionRecorded(TENANT, statementId, learner, activityId, null, true, at);
    }

    private static AssessmentSubmitted pass(String statementId, String learner, double scaled, Instant at) {
        return new AssessmentSubmitted(TENANT, statementId, learner, QUIZ, "http://adlnet.gov/expapi/verbs/passed", null,
                scaled, null, true, at);
    }

    private static CredentialIssued issued(String awardId, String learner, String credentialId, Instant at) {
        return new CredentialIssued(TENANT, awardId, learner, credentialId, 1, null, at, at, null, "jwt");
    }
}
