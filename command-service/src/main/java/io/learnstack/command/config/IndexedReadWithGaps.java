package io.learnstack.command.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * Reads the next events for a tracking processor whose token has gaps: the events after its position, and
 * those at the gaps that have been committed since. Axon's statement asks for both with one
 * {@code WHERE (range) OR globalIndex IN (gaps)}, which H2 cannot answer from the primary key: it scans
 * the whole table on every fetch, so publishing slows down as the store grows. Writers committing side by
 * side leave gaps nearly all the time. Two selects joined by {@code UNION ALL} each use the primary key;
 * they never return the same event, as every gap lies at or below the position the range starts after.
 */
class IndexedReadWithGaps implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
            List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String sql = select + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ?"
                + " UNION ALL " + select + schema.globalIndexColumn() + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")"
                + " ORDER BY " + schema.globalIndexColumn() + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        int column = 0;
        statement.setLong(++column, globalIndex);
        statement.setLong(++column, globalIndex + batchSize);
        for (Long gap : gaps) {
            statement.setLong(++column, gap);
        }
        return statement;
    }
}
