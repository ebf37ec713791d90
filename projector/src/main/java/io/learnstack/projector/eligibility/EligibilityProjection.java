package io.learnstack.projector.eligibility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.AwardEvent;
import io.learnstack.events.CatalogueEvent;
import io.learnstack.events.LearnerEvent;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * Which learners are eligible for which credentials. Each learner has a document ({@code _id} =
 * tenant|learnerKey) holding their evidence and their status with every credential of the tenant; each
 * credential has a bucket document listing its learners by status ({@link CredentialBuckets}); each
 * tenant's definitions are kept by {@link Catalogues}.
 * <p>
 * Statuses are always decided from state, the learner's whole evidence against the tenant's current
 * definitions, never from a delta: catalogue events travel on their own partition and may be applied
 * before or after a learner's events, and either way the last one applied decides from both. A learner
 * event re-decides every credential for that learner, which is how an award of one credential
 * propagates to those that stack on it. A catalogue event re-decides every learner of the tenant.
 * <p>
 * A learner document is replaced only if its {@code version} is still the one read (the catalogue's
 * consumer and the learner's may work on it at once); the loser reads again and decides again. Evidence
 * is merged by statement and award id, so a redelivered event changes nothing; catalogue events already
 * applied are skipped by their offset, recorded once their recomputation is done.
 */
@Component
class EligibilityProjection implements Projection {

    static final String LEARNERS = "eligibility_learners";

    private static final Logger log = LoggerFactory.getLogger(EligibilityProjection.class);
    private static final int FLUSH_EVERY = 500;

    private final MongoCollection<Document> learners;
    private final Catalogues catalogues;
    private final CredentialBuckets buckets;
    private final IssuanceOutbox outbox;
    private final Runnable requestRecorded;
    private final Counter evaluations;

    @Autowired
    EligibilityProjection(MongoDatabase readModels, ObjectMapper json, MeterRegistry meters,
            IssuanceDispatcher dispatcher) {
        this(readModels, json, meters, Clock.systemUTC(), dispatcher::wake);
    }

    /** Without a dispatcher to tell: requests wait for its poll. */
    EligibilityProjection(MongoDatabase readModels, ObjectMapper json, MeterRegistry meters) {
        this(readModels, json, meters, Clock.systemUTC());
    }

    EligibilityProjection(MongoDatabase readModels, ObjectMapper json, MeterRegistry meters, Clock clock) {
        this(readModels, json, meters, clock, () -> {
        });
    }

    /**
     * @param requestRecorded told each time a new issuance request is in the outbox, so it can be sent at
     *                        once rather than at the dispatcher's next poll
     */
    EligibilityProjection(MongoDatabase readModels, ObjectMapper json, MeterRegistry meters, Clock clock,
            Runnable requestRecorded) {
        this.requestRecorded = requestRecorded;
        this.learners = readModels.getCollection(LEARNERS);
        this.catalogues = new Catalogues(readModels, json);
        this.buckets = new CredentialBuckets(readModels);
        this.outbox = new IssuanceOutbox(readModels, clock);
        this.evaluations = meters.counter("learnstack.eligibility.evaluations");
    }

    @Override
    public Set<String> collections() {
        return Set.of(LEARNERS, CredentialBuckets.COLLECTION, Catalogues.COLLECTION, IssuanceOutbox.COLLECTION);
    }

    @Override
    public void apply(List<Envelope> batch) {
        Map<String, List<LearnstackEvent>> byLearner = new LinkedHashMap<>();
        Map<String, List<Envelope>> catalogueByTenant = new LinkedHashMap<>();
        for (Envelope envelope : batch) {
            LearnstackEvent event = envelope.event();
            if (event instanceof CatalogueEvent) {
                catalogueByTenant.computeIfAbsent(event.tenant(), tenant -> new ArrayList<>()).add(envelope);
            } else if (LearnerEvidence.relevant(event)) {
                byLearner.computeIfAbsent(event.tenant() + "|" + learnerKey(event), id -> new ArrayList<>()).add(event);
            }
        }
        CredentialBuckets.Changes changes = new CredentialBuckets.Changes();
        byLearner.forEach((id, events) -> decide(events.get(0).tenant(), learnerKey(events.get(0)), events, changes));
        buckets.write(changes);
        catalogueByTenant.forEach(this::applyCatalogue);
    }

    private static String learnerKey(LearnstackEvent event) {
        return event instanceof LearnerEvent learner ? learner.learnerKey() : ((AwardEvent) event).learnerKey();
    }

    private void applyCatalogue(String tenant, List<Envelope> events) {
        Catalogues.Stored stored = catalogues.load(tenant);
        Map<String, Long> offsets = new LinkedHashMap<>();
        boolean anyNew = false;
        for (Envelope envelope : events) {
            String partition = partitionField(envelope);
            Number applied = stored.applied().get(partition, Number.class);
            if (applied != null && envelope.offset() <= applied.longValue()) {
                continue;
            }
            stored.apply((CatalogueEvent) envelope.event(), catalogues.json());
            offsets.merge(partition, envelope.offset(), Math::max);
            anyNew = true;
        }
        if (!anyNew) {
            return;
        }
        Catalogues.Stored saved = catalogues.save(stored, true);
        recomputeTenant(tenant);
        // Recorded only now: a crash during the recomputation redelivers the events and recomputes again.
        offsets.forEach(saved.applied()::append);
        catalogues.save(saved, false);
    }

    /**
     * Decides every learner of the tenant again. The catalogue, saved by this thread just before, is read
     * once per page rather than once per learner: a change saved meanwhile by another projector is caught
     * by the generation check after each write, and that projector decides every learner again itself.
     */
    private void recomputeTenant(String tenant) {
        List<String> ids = new ArrayList<>();
        learners.find(and(gte("_id", tenant + "|"), lt("_id", tenant + "}"))).projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.getString("_id")));
        CredentialBuckets.Changes changes = new CredentialBuckets.Changes();
        Catalogues.Current current = null;
        for (int done = 0; done < ids.size(); done++) {
            if (done % FLUSH_EVERY == 0) {
                current = catalogues.current(tenant);
            }
            decide(tenant, ids.get(done).substring(tenant.length() + 1), List.of(), changes, current);
            if ((done + 1) % FLUSH_EVERY == 0 || done + 1 == ids.size()) {
                buckets.write(changes);
                log.info("eligibility recompute: {} of {} learners", done + 1, ids.size());
            }
        }
    }

    private void decide(String tenant, String learnerKey, List<LearnstackEvent> learnerEvents,
            CredentialBuckets.Changes changes) {
        decide(tenant, learnerKey, learnerEvents, changes, null);
    }

    /**
     * Merges a learner's events into their evidence and decides every credential of the tenant again.
     *
     * @param readBefore the tenant's catalogue as the caller read it, used for the first decision only, or
     *                   {@code null} to read it here
     */
    private void decide(String tenant, String learnerKey, List<LearnstackEvent> learnerEvents,
            CredentialBuckets.Changes changes, Catalogues.Current readBefore) {
        List<LearnstackEvent> events = learnerEvents;
        String id = tenant + "|" + learnerKey;
        Catalogues.Current givenCatalogue = readBefore;
        while (true) {
            Document found = learners.find(eq("_id", id)).first();
            LearnerEvidence merged = LearnerEvidence.fromDocument(found);
            events.forEach(merged::apply);
            // Read after the learner: a catalogue change saved before this read is seen here, one saved
            // after it and before this learner's write is caught by the generation check below, and the
            // recomputation of one saved later finds this learner written.
            Catalogues.Current current = givenCatalogue != null ? givenCatalogue : catalogues.current(tenant);
            givenCatalogue = null;
            Map<String, CatalogueEntry> catalogue = current.entries();
            Evidence evidence = merged.evidence();
            List<CredentialStatus> statuses = new ArrayList<>();
            for (CatalogueEntry entry : catalogue.values()) {
                CredentialStatus.decide(entry, evidence).ifPresent(statuses::add);
            }
            evaluations.increment(catalogue.size());
            Document next = merged.toDocument().append("statuses", statuses.stream().map(EligibilityProjection::status)
                    .toList());
            long version = found == null ? 0 : found.get("version", Number.class).longValue();
            if (found != null && sameContent(found, next)) {
                record(tenant, learnerKey, version, found, statuses, catalogue, changes);
                return;
            }
            Document stored = new Document("_id", id).append("tenant", tenant).append("learner", learnerKey)
                    .append("version", version + 1);
            stored.putAll(next);
            if (write(found, stored, version)) {
                record(tenant, learnerKey, version + 1, found, statuses, catalogue, changes);
                if (catalogues.generation(tenant) == current.generation()) {
                    return;
                }
                events = List.of();
            }
        }
    }

    private boolean write(Document current, Document stored, long version) {
        if (current == null) {
            try {
                learners.insertOne(stored);
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false;
            }
        }
        return learners.replaceOne(and(eq("_id", stored.getString("_id")), eq("version", version)), stored)
                .getMatchedCount() == 1;
    }

    private static boolean sameContent(Document current, Document next) {
        for (Map.Entry<String, Object> field : next.entrySet()) {
            if (!Objects.equals(Document.parse(new Document("v", field.getValue()).toJson()).get("v"),
                    Document.parse(new Document("v", current.get(field.getKey())).toJson()).get("v"))) {
                return false;
            }
        }
        return true;
    }

    /** The credential rows and issuance requests that follow from a learner's statuses. */
    private void record(String tenant, String learnerKey, long version, Document previous,
            List<CredentialStatus> statuses, Map<String, CatalogueEntry> catalogue, CredentialBuckets.Changes changes) {
        Map<String, CredentialStatus> byCredential = new LinkedHashMap<>();
        statuses.forEach(status -> byCredential.put(status.credentialId(), status));
        for (String credentialId : catalogue.keySet()) {
            CredentialStatus status = byCredential.get(credentialId);
            boolean listed = status != null && status.status() != Status.NOT_STARTED;
            changes.put(tenant, credentialId, learnerKey, version, listed ? row(learnerKey, status) : null);
        }
        Map<String, Instant> wasEligible = new LinkedHashMap<>();
        if (previous != null) {
            for (Document status : previous.getList("statuses", Document.class, List.of())) {
                if (Status.ELIGIBLE.wire().equals(status.getString("status"))) {
                    wasEligible.put(status.getString("credentialId"), Instant.parse(status.getString("eligibleAt")));
                }
            }
        }
        for (CredentialStatus status : statuses) {
            if (status.status() == Status.ELIGIBLE && catalogue.get(status.credentialId()).automatic()) {
                if (outbox.request(tenant, learnerKey, status.credentialId(), status.eligibleAt())) {
                    log.debug("issuance of {} to {} requested", status.credentialId(), learnerKey);
                    requestRecorded.run();
                }
                if (status.eligibleAt().equals(wasEligible.get(status.credentialId()))) {
                    wasEligible.remove(status.credentialId());
                }
            }
        }
        wasEligible.forEach((credentialId, eligibleAt) -> {
            CredentialStatus now = byCredential.get(credentialId);
            if (now != null && now.status() == Status.ISSUED && eligibleAt.equals(now.eligibleAt())) {
                // Its award arrived: the request is served, and the outbox keeps only requests in flight.
                outbox.forget(tenant, learnerKey, credentialId, eligibleAt);
            } else {
                outbox.withdraw(tenant, learnerKey, credentialId, eligibleAt);
            }
        });
    }

    private static Document status(CredentialStatus status) {
        return new Document("credentialId", status.credentialId())
                .append("status", status.status().wire())
                .append("met", status.met().stream().map(Leaf::toDocument).toList())
                .append("missing", status.missing().stream().map(Leaf::toDocument).toList())
                .append("eligibleAt", LearnerEvidence.text(status.eligibleAt()))
                .append("awardId", status.awardId())
                .append("validUntil", LearnerEvidence.text(status.validUntil()));
    }

    private static Document row(String learnerKey, CredentialStatus status) {
        return new Document("learner", learnerKey)
                .append("status", status.status().wire())
                .append("missing", status.missing().stream().map(Leaf::toDocument).toList())
                .append("eligibleAt", LearnerEvidence.text(status.eligibleAt()))
                .append("awardId", status.awardId())
                .append("validUntil", LearnerEvidence.text(status.validUntil()))
                .append("awards", status.awards().stream().map(award -> new Document("awardId", award.awardId())
                        .append("eligibleAt", LearnerEvidence.text(award.eligibleAt()))
                        .append("validFrom", LearnerEvidence.text(award.validFrom()))
                        .append("validUntil", LearnerEvidence.text(award.validUntil()))
                        .append("revoked", LearnerEvidence.text(award.revoked()))
                        .append("expired", LearnerEvidence.text(award.expired()))).toList());
    }

    private static String partitionField(Envelope envelope) {
        return envelope.topic().replace('.', '_') + "-" + envelope.partition();
    }

    Optional<Document> learner(String tenant, String learnerKey) {
        return Optional.ofNullable(learners.find(eq("_id", tenant + "|" + learnerKey)).first());
    }
}
