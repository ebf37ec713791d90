package io.learnstack.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.learnstack.command.postgres.PostgresServerExtension;

/** The gap-aware read on PostgreSQL, the production event store, with the table its schema script creates. */
@ExtendWith(PostgresServerExtension.class)
class IndexedReadWithGapsPostgresIntegrationTest {

    @Test
    void readsWhatAxonsStatementReads() throws SQLException, IOException {
        // given events at 1..500 but 7, 19 and 450, as when writers' transactions were rolled back
        try (Connection connection = DriverManager.getConnection(PostgresServerExtension.server().jdbcUrl(),
                PostgresServerExtension.server().username(), "")) {
            try (Statement ddl = connection.createStatement();
                    InputStream script = getClass().getResourceAsStream("/schema-postgresql.sql")) {
                ddl.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex,"
                    + " eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload)"
                    + " VALUES (?, ?, ?, 0, 'StatementAggregate', '2026-11-24T00:00:00Z', 'Recorded', ?)")) {
                for (long index = 1; index <= 500; index++) {
                    if (index != 7 && index != 19 && index != 450) {
                        insert.setLong(1, index);
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, "demo/" + index);
                        insert.setBytes(4, ("{\"n\":" + index + "}").getBytes(StandardCharsets.UTF_8));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            EventSchema schema = new EventSchema();
            List<Long> gaps = List.of(5L, 7L, 19L);

            // when
            List<Long> read = positions(new IndexedReadWithGaps().build(connection, schema, 400, 100, gaps));

            // then
            assertThat(read).isEqualTo(positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection,
                    schema, 400, 100, gaps))).hasSize(100).startsWith(5L, 401L).endsWith(499L, 500L)
                    .doesNotContain(7L, 19L, 450L);
        }
    }

    private static List<Long> positions(PreparedStatement statement) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.add(rows.getLong("globalIndex"));
            }
        }
        return positions;
    }
}
