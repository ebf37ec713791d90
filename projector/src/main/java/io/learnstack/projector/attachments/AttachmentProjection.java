package io.learnstack.projector.attachments;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.AttachmentStored;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * The attachment contents the statement resource returns with {@code attachments=true}: one document per
 * tenant and hash, the content as BSON binary with its content type. Content under a hash never changes,
 * so the document is written on insert only, and a redelivered event leaves it as it is.
 */
@Component
class AttachmentProjection implements Projection {

    static final String ATTACHMENTS = "attachments";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> attachments;
    private final Counter projected;

    AttachmentProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.attachments = readModels.getCollection(ATTACHMENTS);
        this.projected = meters.counter("learnstack.projection.attachments.applied");
    }

    @Override
    public Set<String> collections() {
        return Set.of(ATTACHMENTS);
    }

    @Override
    public void apply(List<Envelope> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof AttachmentStored event) {
                writes.add(new UpdateOneModel<>(eq("_id", documentId(event.tenant(), event.sha2())),
                        Updates.setOnInsert(toDocument(event)), UPSERT));
            }
        }
        if (!writes.isEmpty()) {
            attachments.bulkWrite(writes, UNORDERED);
            projected.increment(writes.size());
        }
    }

    /** An attachment document's id: tenant and hash, the pair the query service looks up. */
    static String documentId(String tenant, String sha2) {
        return tenant + "|" + sha2;
    }

    private static Document toDocument(AttachmentStored event) {
        return new Document("tenant", event.tenant())
                .append("sha2", event.sha2())
                .append("contentType", event.contentType())
                .append("content", new Binary(event.content()))
                .append("stored", Date.from(event.stored()));
    }
}
