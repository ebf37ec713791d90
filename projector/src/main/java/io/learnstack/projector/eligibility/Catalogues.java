package io.learnstack.projector.eligibility;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import io.learnstack.events.CatalogueEvent;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialRetired;
import io.learnstack.events.CredentialRevised;

/**
 * Each tenant's current credential definitions, one read-model document per tenant ({@code _id} = tenant),
 * each definition whole as its JSON. Merging keeps the highest revision and a retirement, so the
 * document is the same whatever order, or how often, the catalogue's events are applied. The query
 * service reads it for credential names and for the list of a tenant's credentials.
 */
final class Catalogues {

    static final String COLLECTION = "eligibility_catalogues";

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private static final int PARSED_LIMIT = 10_000;

    private final MongoCollection<Document> catalogues;
    private final ObjectMapper json;
    private final Map<String, CredentialDefinition> parsed = new ConcurrentHashMap<>();

    Catalogues(MongoDatabase readModels, ObjectMapper json) {
        this.catalogues = readModels.getCollection(COLLECTION);
        this.json = json;
    }

    /**
     * A tenant's catalogue as stored: the credentials, the catalogue offsets applied, and a generation
     * that moves with every change of the definitions.
     */
    record Stored(String tenant, Map<String, Document> credentials, Document applied, long generation) {

        /** Merges a catalogue event. */
        void apply(CatalogueEvent event, ObjectMapper json) {
            if (event instanceof CredentialRetired retired) {
                credentials.computeIfAbsent(retired.credentialId(), id -> new Document("credentialId", id))
                        .append("retired", true);
                return;
            }
            CredentialDefinition definition = event instanceof CredentialDefined defined ? defined.definition()
                    : ((CredentialRevised) event).definition();
            Document known = credentials.computeIfAbsent(definition.credentialId(),
                    id -> new Document("credentialId", id));
            if (known.getString("definition") == null || known.getInteger("revision", 0) <= definition.revision()) {
                known.append("revision", definition.revision()).append("name", definition.name())
                        .append("definition", write(json, definition));
            }
            known.putIfAbsent("retired", false);
        }
    }

    Stored load(String tenant) {
        Document document = catalogues.find(eq("_id", tenant)).first();
        Map<String, Document> credentials = new LinkedHashMap<>();
        if (document != null) {
            document.getList("credentials", Document.class, List.of())
                    .forEach(credential -> credentials.put(credential.getString("credentialId"), credential));
        }
        Document applied = document == null ? new Document() : document.get("applied", new Document());
        return new Stored(tenant, credentials, applied, document == null ? 0 : document.get("generation", 0L));
    }

    /** A tenant's definitions as evaluation uses them, and the generation they belong to. */
    record Current(Map<String, CatalogueEntry> entries, long generation) {
    }

    /** The tenant's current definitions; a retirement seen before its definition is left out. */
    Current current(String tenant) {
        Stored stored = load(tenant);
        Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
        stored.credentials().forEach((id, credential) -> {
            String definition = credential.getString("definition");
            if (definition != null) {
                entries.put(id, new CatalogueEntry(parsed(definition), credential.getBoolean("retired", false)));
            }
        });
        return new Current(entries, stored.generation());
    }

    /** The generation of the tenant's definitions, read alone. */
    long generation(String tenant) {
        Document document = catalogues.find(eq("_id", tenant)).projection(Projections.include("generation")).first();
        return document == null ? 0 : document.get("generation", 0L);
    }

    /**
     * Saves the catalogue; with {@code changed}, in a new generation, so that a learner decided from the
     * previous one while this was saved is decided again.
     */
    Stored save(Stored stored, boolean changed) {
        Stored saved = changed ? new Stored(stored.tenant(), stored.credentials(), stored.applied(),
                stored.generation() + 1) : stored;
        catalogues.replaceOne(eq("_id", saved.tenant()), new Document("_id", saved.tenant())
                .append("tenant", saved.tenant())
                .append("credentials", new ArrayList<>(saved.credentials().values()))
                .append("applied", saved.applied())
                .append("generation", saved.generation()), REPLACE_OR_INSERT);
        return saved;
    }

    /** Definitions are parsed once per text: every learner of a tenant is decided against the same ones. */
    private CredentialDefinition parsed(String definition) {
        if (parsed.size() > PARSED_LIMIT) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(definition, text -> read(json, text));
    }

    ObjectMapper json() {
        return json;
    }

    private static CredentialDefinition read(ObjectMapper json, String text) {
        try {
            return json.readValue(text, CredentialDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored credential definition cannot be read", e);
        }
    }

    private static String write(ObjectMapper json, CredentialDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a credential definition cannot be written", e);
        }
    }
}
