package io.learnstack.command.config;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Rows of the event table for the gap-aware read's tests, on whichever database holds the table. */
final class EventRows {

    private EventRows() {
    }

    /** Writes one event at each position from 1 to {@code last}, leaving out the given ones. */
    static void write(Connection connection, long last, Set<Long> leftOut) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex,"
                + " eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload)"
                + " VALUES (?, ?, ?, 0, 'StatementAggregate', '2026-11-24T00:00:00Z', 'Recorded', ?)")) {
            for (long index = 1; index <= last; index++) {
                if (leftOut.contains(index)) {
                    continue;
                }
                insert.setLong(1, index);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "demo/" + index);
                insert.setBytes(4, ("{\"n\":" + index + "}").getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The positions a read returns, in its order; closes the statement. */
    static List<Long> positions(PreparedStatement statement) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.add(rows.getLong("globalIndex"));
            }
        }
        return positions;
    }
}
