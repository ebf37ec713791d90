package io.learnstack.query.attachments;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** Reads attachment contents from the read model the projector keeps by tenant and hash. */
@Component
public class AttachmentContents {

    private static final int CONTENTS_PER_REPLY = 4;

    private final MongoCollection<Document> attachments;

    AttachmentContents(MongoDatabase readModels) {
        this.attachments = readModels.getCollection("attachments");
    }

    /**
     * The stored contents among the given hashes of a tenant's attachments.
     *
     * @param sha2s lower-case hex hashes
     * @return the contents found, in the order of {@code sha2s}; hashes without stored content (an
     *         attachment sent by fileUrl only) are left out
     */
    public List<AttachmentContent> find(String tenant, Collection<String> sha2s) {
        if (sha2s.isEmpty()) {
            return List.of();
        }
        Map<String, String> idsToHashes = new LinkedHashMap<>();
        sha2s.forEach(sha2 -> idsToHashes.put(documentId(tenant, sha2), sha2));
        Map<String, AttachmentContent> found = new LinkedHashMap<>();
        // A few contents per reply: MongoDB cuts a reply at 16 MB by itself, the embedded server does not.
        for (Document document : attachments.find(in("_id", new ArrayList<>(idsToHashes.keySet())))
                .batchSize(CONTENTS_PER_REPLY)) {
            String sha2 = document.getString("sha2");
            found.put(sha2, new AttachmentContent(sha2, document.getString("contentType"),
                    document.get("content", Binary.class).getData()));
        }
        List<AttachmentContent> ordered = new ArrayList<>(found.size());
        idsToHashes.values().forEach(sha2 -> {
            AttachmentContent content = found.get(sha2);
            if (content != null) {
                ordered.add(content);
            }
        });
        return ordered;
    }

    /** The projector's document id for a tenant's attachment content. */
    static String documentId(String tenant, String sha2) {
        return tenant + "|" + sha2;
    }
}
