package io.learnstack.projector.activities;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.StatementRecorded;
import io.learnstack.projector.bus.Envelope;
import io.learnstack.projector.bus.Projection;

/**
 * The read model behind the xAPI Activities resource: one document per tenant and activity, holding
 * the Activity object as every statement that named the activity describes it (see
 * {@link MergedDefinition}).
 * <p>
 * Statements of different learners travel on different partitions, which projector threads apply at
 * the same time, yet they may describe the same activity. So a document is read, merged and written
 * back only if nobody wrote it in between (its merged state is unchanged); otherwise the merge starts
 * again from what is there. Merging is order-independent, so that never loses a description.
 */
@Component
class ActivityProjection implements Projection {

    static final String ACTIVITIES = "activities";

    private static final int MAX_ATTEMPTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoCollection<Document> activities;
    private final Counter projected;

    ActivityProjection(MongoDatabase readModels, MeterRegistry meters) {
        this.activities = readModels.getCollection(ACTIVITIES);
        this.projected = meters.counter("learnstack.projection.activities.applied");
    }

    /** An activity document's id: tenant and activity id, the same pair the query service looks up. */
    static String documentId(String tenant, String activityId) {
        return tenant + "/" + activityId;
    }

    @Override
    public Set<String> collections() {
        return Set.of(ACTIVITIES);
    }

    @Override
    public void apply(List<Envelope> batch) {
        Map<String, Mentions> byActivity = new LinkedHashMap<>();
        for (Envelope envelope : batch) {
            if (envelope.event() instanceof StatementRecorded recorded) {
                String at = String.format("%013d|%s", recorded.stored().toEpochMilli(), recorded.statementId());
                for (JsonNode activity : StatementActivities.of(parse(recorded.statement()))) {
                    String activityId = activity.get("id").asText();
                    byActivity.computeIfAbsent(documentId(recorded.tenant(), activityId),
                            id -> new Mentions(recorded.tenant(), activityId, new ArrayList<>()))
                            .definitions().add(new Described(at, activity.path("definition")));
                }
            }
        }
        if (byActivity.isEmpty()) {
            return;
        }
        Map<String, Document> known = new HashMap<>();
        activities.find(in("_id", new ArrayList<>(byActivity.keySet())))
                .forEach(document -> known.put(document.getString("_id"), document));
        byActivity.forEach((id, mentions) -> save(id, mentions, known.get(id)));
    }

    private void save(String id, Mentions mentions, Document current) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            MergedDefinition merged = current == null ? new MergedDefinition()
                    : MergedDefinition.fromVersions(parse(current.getString("versions")));
            boolean changed = current == null;
            for (Described described : mentions.definitions()) {
                if (described.definition().isObject()) {
                    changed |= merged.merge(described.definition(), described.at());
                }
            }
            if (!changed) {
                return;
            }
            long revision = current == null ? 0 : current.get("revision", Number.class).longValue();
            Document next = toDocument(id, mentions, merged, revision + 1);
            // The condition is the whole merged state as it was read, not the revision alone: a read that
            // raced a write on the embedded server may pair a new revision with old versions.
            if (current == null ? inserted(next)
                    : activities.replaceOne(and(eq("_id", id), eq("versions", current.getString("versions"))), next)
                            .getMatchedCount() == 1) {
                projected.increment();
                return;
            }
            current = activities.find(eq("_id", id)).first();
        }
        throw new IllegalStateException("activity " + id + " kept changing under concurrent writes; the batch will be retried");
    }

    private boolean inserted(Document document) {
        try {
            activities.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Document toDocument(String id, Mentions mentions, MergedDefinition merged, long revision) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("objectType", "Activity");
        activity.put("id", mentions.activityId());
        ObjectNode definition = merged.definition();
        if (!definition.isEmpty()) {
            activity.set("definition", definition);
        }
        return new Document("_id", id)
                .append("tenant", mentions.tenant())
                .append("activityId", mentions.activityId())
                .append("json", activity.toString())
                .append("versions", merged.toVersions().toString())
                .append("revision", revision);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the statements of one batch say about one activity. */
    private record Mentions(String tenant, String activityId, List<Described> definitions) {
    }

    /** One statement's definition of the activity, with the statement's place in stored order. */
    private record Described(String at, JsonNode definition) {
    }
}
