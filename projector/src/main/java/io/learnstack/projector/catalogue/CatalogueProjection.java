package io.learnstack.projector.catalogue;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.CatalogueEvent;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialRetired;
import io.learnstack.events.CredentialRevised;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * The read model of each tenant's credential catalogue: one document per credential ({@code tenant|id})
 * with its current definition, whether it is retired and the time of each revision, and one list document
 * per tenant ({@code _id} = tenant) with every credential's row, so that both reads are one {@code _id}
 * lookup. Times are the events' own.
 * <p>
 * A tenant's catalogue events travel on one partition, in order. The list document records the last
 * offset it applied from each partition, and a redelivered event at or below it is skipped; a credential
 * document takes a definition only with a higher revision than its own, so should a crash fall between
 * the credential writes and the list write, redelivery leaves the credentials as they are and rewrites
 * the list rows from them.
 */
@Component
class CatalogueProjection implements Projection {

    static final String CREDENTIALS = "credential_catalogue";
    static final String LISTS = "credential_catalogue_lists";

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> credentials;
    private final MongoCollection<Document> lists;
    private final Counter projected;

    CatalogueProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.credentials = readModels.getCollection(CREDENTIALS);
        this.lists = readModels.getCollection(LISTS);
        this.projected = meters.counter("learnstack.projection.catalogue.applied");
    }

    @Override
    public Set<String> collections() {
        return Set.of(CREDENTIALS, LISTS);
    }

    /** A credential document's id. */
    static String credentialKey(String tenant, String credentialId) {
        return tenant + "|" + credentialId;
    }

    @Override
    public void apply(List<Envelope> batch) {
        Map<String, List<Envelope>> byTenant = new LinkedHashMap<>();
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof CatalogueEvent event) {
                byTenant.computeIfAbsent(event.tenant(), tenant -> new ArrayList<>()).add(envelope);
            }
        }
        byTenant.forEach(this::applyTenant);
    }

    private void applyTenant(String tenant, List<Envelope> events) {
        Document list = lists.find(eq("_id", tenant)).first();
        Document applied = list == null ? new Document() : list.get("applied", new Document());
        Map<String, Document> touched = load(tenant, events);
        Set<String> changed = new LinkedHashSet<>();
        int count = 0;
        for (Envelope envelope : events) {
            Number appliedOffset = applied.get(partitionField(envelope), Number.class);
            if (appliedOffset != null && envelope.offset() <= appliedOffset.longValue()) {
                continue;
            }
            CatalogueEvent event = (CatalogueEvent) envelope.event();
            String key = credentialKey(tenant, event.credentialId());
            Document credential = take(touched.get(key), event);
            if (credential != null) {
                touched.put(key, credential);
                changed.add(key);
            }
            applied.put(partitionField(envelope), Math.max(envelope.offset(),
                    appliedOffset == null ? -1 : appliedOffset.longValue()));
            count++;
        }
        if (count == 0) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        changed.forEach(key -> writes.add(new ReplaceOneModel<>(eq("_id", key), touched.get(key), REPLACE_OR_INSERT)));
        // Credentials first, so the list never records offsets whose credentials were not written.
        if (!writes.isEmpty()) {
            credentials.bulkWrite(writes, UNORDERED);
        }
        lists.replaceOne(eq("_id", tenant), listDocument(tenant, list, changed, touched, applied), REPLACE_OR_INSERT);
        projected.increment(count);
    }

    private Map<String, Document> load(String tenant, List<Envelope> events) {
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(envelope -> keys.add(credentialKey(tenant, ((CatalogueEvent) envelope.event()).credentialId())));
        Map<String, Document> found = new HashMap<>();
        credentials.find(in("_id", new ArrayList<>(keys))).forEach(document -> found.put(document.getString("_id"), document));
        return found;
    }

    /**
     * The credential document after the event, or the document as it is when it already holds the event;
     * {@code null} only for an event about a credential the read model never saw defined.
     */
    private static Document take(Document credential, CatalogueEvent event) {
        if (event instanceof CredentialDefined defined) {
            if (credential != null) {
                return credential;
            }
            return new Document("_id", credentialKey(defined.tenant(), defined.credentialId()))
                    .append("tenant", defined.tenant())
                    .append("definition", CatalogueDocuments.definition(defined.definition()))
                    .append("retired", false)
                    .append("defined", time(defined.defined()))
                    .append("revised", time(defined.defined()))
                    .append("retiredAt", null)
                    .append("revisions", new ArrayList<>(List.of(revision(1, defined.defined()))));
        }
        if (credential == null) {
            return null;
        }
        if (event instanceof CredentialRevised revised) {
            int revision = revised.definition().revision();
            if (credential.get("definition", Document.class).getInteger("revision") >= revision) {
                return credential;
            }
            List<Document> revisions = new ArrayList<>(credential.getList("revisions", Document.class));
            revisions.add(revision(revision, revised.revised()));
            return credential.append("definition", CatalogueDocuments.definition(revised.definition()))
                    .append("revised", time(revised.revised()))
                    .append("revisions", revisions);
        }
        CredentialRetired retired = (CredentialRetired) event;
        if (credential.getBoolean("retired", false)) {
            return credential;
        }
        return credential.append("retired", true).append("retiredAt", time(retired.retired()));
    }

    /** The tenant's list: every credential's row, by id, the changed ones taken from their documents. */
    private static Document listDocument(String tenant, Document list, Set<String> changed,
            Map<String, Document> touched, Document applied) {
        Map<String, Document> rows = new HashMap<>();
        if (list != null) {
            list.getList("rows", Document.class).forEach(row -> rows.put(row.getString("id"), row));
        }
        for (String key : changed) {
            Document row = row(touched.get(key));
            rows.put(row.getString("id"), row);
        }
        List<Document> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(row -> row.getString("id")));
        return new Document("_id", tenant).append("rows", sorted).append("applied", applied);
    }

    /** A credential's row in its tenant's list: the definition, its revision, retirement and times. */
    static Document row(Document credential) {
        Document row = new Document(credential.get("definition", Document.class));
        row.append("retired", credential.getBoolean("retired", false))
                .append("defined", credential.get("defined"))
                .append("revised", credential.get("revised"));
        if (credential.get("retiredAt") != null) {
            row.append("retiredAt", credential.get("retiredAt"));
        }
        return row;
    }

    private static Document revision(int revision, Instant at) {
        return new Document("revision", revision).append("at", time(at));
    }

    /** Instants are kept as ISO-8601 text, as the API answers them. */
    private static String time(Instant instant) {
        return instant.toString();
    }

    private static String partitionField(Envelope envelope) {
        return envelope.topic().replace('.', '_') + "-" + envelope.partition();
    }
}
