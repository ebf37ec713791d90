package io.learnstack.projector.progress;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Records, per topic partition, the offset up to which every projection has been applied. The query
 * service compares it with the log end to answer reads consistently; it is written after the read
 * models and only ever moves forward, so a redelivered batch cannot move it back.
 */
@Component
public class ProjectionProgress {

    /** The collection, one document per topic partition. */
    public static final String COLLECTION = "projection_progress";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> progress;

    ProjectionProgress(MongoDatabase readModels) {
        this.progress = readModels.getCollection(COLLECTION);
    }

    /** The document id of a partition's progress. */
    public static String documentId(String topic, int partition) {
        return topic + "|" + partition;
    }

    /**
     * Records that every record up to and including the given ones has been applied.
     *
     * @param lastApplied the last record applied per topic partition, with the event time it carried
     */
    public void recordApplied(Map<String, Applied> lastApplied) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        lastApplied.forEach((id, applied) -> writes.add(new UpdateOneModel<>(eq("_id", id), Updates.combine(
                Updates.max("nextOffset", applied.offset() + 1),
                Updates.set("topic", applied.topic()),
                Updates.set("partition", applied.partition()),
                Updates.max("appliedThrough", applied.appliedThrough())), UPSERT)));
        if (!writes.isEmpty()) {
            progress.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * The last record applied on one partition.
     *
     * @param topic          the topic
     * @param partition      the partition
     * @param offset         the record's offset
     * @param appliedThrough the time its event was appended to the event store
     */
    public record Applied(String topic, int partition, long offset, Date appliedThrough) {
    }
}
