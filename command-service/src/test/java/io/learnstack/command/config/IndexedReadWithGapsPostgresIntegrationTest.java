package io.learnstack.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

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
            EventRows.write(connection, 500, Set.of(7L, 19L, 450L));
            EventSchema schema = new EventSchema();
            List<Long> gaps = List.of(5L, 7L, 19L);

            // when
            List<Long> read = EventRows.positions(new IndexedReadWithGaps().build(connection, schema, 400, 100, gaps));

            // then
            assertThat(read).isEqualTo(EventRows.positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection,
                    schema, 400, 100, gaps))).hasSize(100).startsWith(5L, 401L).endsWith(499L, 500L)
                    .doesNotContain(7L, 19L, 450L);
        }
    }
}
