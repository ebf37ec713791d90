package io.learnstack.security;

import static com.mongodb.client.model.Filters.eq;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Issued keys as the projector writes them: one document per key in {@value #COLLECTION}, {@code _id} = the
 * key, with {@code tenant}, {@code secretHash}, {@code roles} and {@code revoked}. Every service instance
 * reads the same documents, so a rotation or a revocation reaches all of them.
 */
public final class MongoIssuedKeys implements IssuedKeys {

    /** The collection of issued keys. */
    public static final String COLLECTION = "client_keys";

    private static final Logger log = LoggerFactory.getLogger(MongoIssuedKeys.class);

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private final MongoCollection<Document> keys;

    public MongoIssuedKeys(MongoDatabase readModels) {
        this.keys = readModels.getCollection(COLLECTION);
    }

    @Override
    public Optional<IssuedKey> find(String key) {
        Document document;
        try {
            document = keys.find(eq("_id", key)).first();
        } catch (MongoException unavailable) {
            // Refused rather than let in: without the read model a revoked key cannot be told from a live one.
            log.warn("issued keys cannot be read ({}); keys outside the configuration are refused",
                    unavailable.getClass().getSimpleName());
            return Optional.empty();
        }
        if (document == null || document.getBoolean("revoked", false) || document.getString("secretHash") == null) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : document.getList("roles", String.class, List.of())) {
            try {
                roles.add(Role.parse(role));
            } catch (IllegalArgumentException unknown) {
                // A role this version does not know grants nothing.
            }
        }
        // Admin keys are configured, never issued: whatever the read model holds, it cannot grant admin.
        roles.remove(Role.ADMIN);
        if (!BCRYPT.matcher(document.getString("secretHash")).matches()) {
            return Optional.empty();
        }
        return Optional.of(new IssuedKey(document.getString("tenant"), key, document.getString("secretHash"), roles));
    }
}
