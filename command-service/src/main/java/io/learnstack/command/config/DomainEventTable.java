package io.learnstack.command.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Direct reads of the event store's event table, for questions Axon's API answers one aggregate at a time. */
@Component
public class DomainEventTable {

    private static final int IN_LIST_CHUNK = 500;

    private final JdbcTemplate jdbc;

    DomainEventTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The given aggregates that have at least one event. */
    public List<String> existingAggregates(Collection<String> aggregateIds) {
        return select("DISTINCT aggregateIdentifier", aggregateIds, String.class);
    }

    /** The global positions of every event of the given aggregates. */
    public List<Long> positionsOf(Collection<String> aggregateIds) {
        return select("globalIndex", aggregateIds, Long.class);
    }

    private <T> List<T> select(String columns, Collection<String> aggregateIds, Class<T> type) {
        List<String> ids = new ArrayList<>(aggregateIds);
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            rows.addAll(jdbc.queryForList("SELECT " + columns + " FROM DomainEventEntry WHERE aggregateIdentifier IN ("
                    + marks + ")", type, chunk.toArray()));
        }
        return rows;
    }
}
