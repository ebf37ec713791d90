package io.learnstack.query.statements;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Answers statement queries from the read model. A list query walks the narrowest series its filters
 * name and checks the other filters on the statements it loads, so every read is an {@code _id} lookup.
 * <p>
 * A statement whose object is a StatementRef matches when it meets the filters itself or when the
 * statement it targets does, recursively, voided targets included (xAPI's filter conditions for
 * StatementRefs); the projector files it under its target's series, so the walk finds it at its own
 * stored time, and since, until and limit apply to it as to any other.
 */
@Component
class StatementReader {

    private static final int STATEMENTS_PER_FETCH = 100;
    private static final int LOOK_AHEAD = 1000;
    /** How far a chain of StatementRefs is followed; the projector follows it as far, but reads stay bounded. */
    private static final int MAX_TARGET_HOPS = 32;

    private final MongoCollection<Document> statements;
    private final MongoCollection<Document> index;

    StatementReader(MongoDatabase readModels) {
        this.statements = readModels.getCollection("statements");
        this.index = readModels.getCollection("statement_index");
    }

    /** One statement of a tenant, if it is stored and not voided. */
    Optional<Document> find(String tenant, String statementId) {
        return byId(tenant, statementId).filter(document -> !document.getBoolean("voided", false));
    }

    /** One statement of a tenant, if it is stored and voided. */
    Optional<Document> findVoided(String tenant, String statementId) {
        return byId(tenant, statementId).filter(document -> document.getBoolean("voided", false));
    }

    private Optional<Document> byId(String tenant, String statementId) {
        return Optional.ofNullable(statements.find(eq("_id", documentId(tenant, statementId.toLowerCase()))).first());
    }

    /**
     * One page of a list query.
     *
     * @param after the last entry of the previous page, or {@code null} for the first page
     */
    Page list(String tenant, StatementQuery query, String after) {
        SeriesWalk walk = new SeriesWalk(index, narrowestSeries(tenant, query), query.ascending(), query.since(),
                query.until(), after);
        List<Document> page = new ArrayList<>();
        String last = null;
        while (page.size() < query.limit() && walk.hasNext()) {
            List<String> entries = new ArrayList<>();
            while (entries.size() < STATEMENTS_PER_FETCH && walk.hasNext()) {
                entries.add(walk.next());
            }
            Map<String, Document> loaded = load(tenant, entries);
            for (String entry : entries) {
                Document statement = loaded.get(SeriesKeys.statementIdOf(entry));
                if (statement != null && matches(tenant, statement, query)) {
                    page.add(statement);
                    last = entry;
                    if (page.size() == query.limit()) {
                        break;
                    }
                }
            }
        }
        boolean more = page.size() == query.limit() && hasMatchBeyond(tenant, query, last);
        return new Page(page, more ? last : null);
    }

    /**
     * Whether a next page would hold anything, so the last page carries no {@code more} link. Looks a
     * bounded distance ahead; past it the link is given, and may lead to an empty page.
     */
    private boolean hasMatchBeyond(String tenant, StatementQuery query, String last) {
        SeriesWalk rest = new SeriesWalk(index, narrowestSeries(tenant, query), query.ascending(), query.since(),
                query.until(), last);
        for (int looked = 0; rest.hasNext(); looked += STATEMENTS_PER_FETCH) {
            if (looked >= LOOK_AHEAD) {
                return true;
            }
            List<String> entries = new ArrayList<>();
            while (entries.size() < STATEMENTS_PER_FETCH && rest.hasNext()) {
                entries.add(rest.next());
            }
            Map<String, Document> loaded = load(tenant, entries);
            if (loaded.values().stream().anyMatch(statement -> matches(tenant, statement, query))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Document> load(String tenant, List<String> entries) {
        List<String> ids = entries.stream().map(entry -> documentId(tenant, SeriesKeys.statementIdOf(entry))).toList();
        Map<String, Document> byStatementId = new HashMap<>();
        statements.find(in("_id", ids)).forEach(doc -> byStatementId.put(doc.getString("statementId"), doc));
        return byStatementId;
    }

    /** The projector keys statement documents by tenant and statement id. */
    private static String documentId(String tenant, String statementId) {
        return tenant + "/" + statementId;
    }

    private static String narrowestSeries(String tenant, StatementQuery query) {
        if (query.registration() != null) {
            return SeriesKeys.series(tenant, SeriesKeys.REGISTRATION, query.registration());
        }
        if (query.activityId() != null) {
            return SeriesKeys.series(tenant, query.relatedActivities() ? SeriesKeys.RELATED_ACTIVITY
                    : SeriesKeys.ACTIVITY, query.activityId());
        }
        if (query.agentKey() != null) {
            return SeriesKeys.series(tenant, query.relatedAgents() ? SeriesKeys.RELATED_AGENT : SeriesKeys.AGENT,
                    query.agentKey());
        }
        if (query.verbId() != null) {
            return SeriesKeys.series(tenant, SeriesKeys.VERB, query.verbId());
        }
        return SeriesKeys.series(tenant, SeriesKeys.ALL, "*");
    }

    private boolean matches(String tenant, Document statement, StatementQuery query) {
        if (statement.getBoolean("voided", false)) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Document current = statement;
        for (int hop = 0; current != null && hop <= MAX_TARGET_HOPS && seen.add(current.getString("statementId"));
                hop++) {
            if (meetsFilters(current, query)) {
                return true;
            }
            String targetId = current.getString("targetId");
            current = targetId == null ? null : byId(tenant, targetId).orElse(null);
        }
        return false;
    }

    private static boolean meetsFilters(Document statement, StatementQuery query) {
        return (query.verbId() == null || query.verbId().equals(statement.getString("verbId")))
                && (query.activityId() == null || (query.relatedActivities()
                        ? statement.getList("relatedActivities", String.class, List.of()).contains(query.activityId())
                        : query.activityId().equals(statement.getString("activityId"))))
                && (query.registration() == null || query.registration().equals(statement.getString("registration")))
                && (query.agentKey() == null
                        || statement.getList(query.relatedAgents() ? "relatedAgents" : "agents", String.class, List.of())
                                .contains(query.agentKey()));
    }

    /**
     * A page of statements.
     *
     * @param statements the statement documents, in the order asked for
     * @param lastEntry  where the next page starts, or {@code null} when there is none
     */
    record Page(List<Document> statements, String lastEntry) {
    }
}
