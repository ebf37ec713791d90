package io.learnstack.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gap-aware read on H2, with the event table the command service creates. */
class IndexedReadWithGapsTest {

    private static final int EVENTS = 5_000;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private final EventSchema schema = new EventSchema();
    private Connection connection;

    @BeforeEach
    void eventTableWithGaps() throws SQLException, IOException {
        connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
        try (Statement ddl = connection.createStatement();
                InputStream script = getClass().getResourceAsStream("/schema-h2.sql")) {
            ddl.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
        }
        connection.setAutoCommit(false);
        // Positions 7, 19 and 4,950 stay unused, as when a writer's transaction is rolled back.
        EventRows.write(connection, EVENTS, Set.of(7L, 19L, 4_950L));
        connection.commit();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void readsTheRangeAndTheGapsThatWereFilledInOrder() throws SQLException {
        // given a token at 4,900 that still has gaps at 5, 7 and 19, of which 7 and 19 were never committed
        List<Long> gaps = List.of(5L, 7L, 19L);

        // when
        List<Long> read = EventRows.positions(new IndexedReadWithGaps().build(connection, schema, 4_900, 100, gaps));

        // then it reads what Axon's own statement reads
        List<Long> expected = EventRows.positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema,
                4_900, 100, gaps));
        assertThat(read).isEqualTo(expected).hasSize(100).startsWith(5L, 4_901L).endsWith(4_999L, 5_000L)
                .doesNotContain(7L, 19L, 4_950L, 4_900L);
    }

    @Test
    void findsTheEventsThroughThePrimaryKeyInsteadOfScanningTheTable() throws SQLException {
        // given
        List<Long> gaps = List.of(5L, 7L, 19L);

        // when
        long indexed = rowsScanned(on -> new IndexedReadWithGaps().build(on, schema, 4_900, 100, gaps));
        long axons = rowsScanned(on -> JdbcEventStorageEngineStatements.readEventDataWithGaps(on, schema, 4_900,
                100, gaps));

        // then
        assertThat(axons).as("Axon's own statement, the reason for this one").isGreaterThanOrEqualTo(EVENTS - 3);
        assertThat(indexed).isLessThanOrEqualTo(110);
    }

    /**
     * The rows H2 visits to answer a statement, from its {@code EXPLAIN ANALYZE}: the builder is handed a
     * connection that prepares the explanation of the SQL it asks for, with the same parameters.
     */
    private long rowsScanned(StatementBuilder builder) throws SQLException {
        Connection explaining = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement") && arguments.length == 1) {
                        return connection.prepareStatement("EXPLAIN ANALYZE " + arguments[0]);
                    }
                    return method.invoke(connection, arguments);
                });
        long scanned = 0;
        try (PreparedStatement explain = builder.build(explaining); ResultSet plan = explain.executeQuery()) {
            while (plan.next()) {
                Matcher count = SCAN_COUNT.matcher(plan.getString(1));
                while (count.find()) {
                    scanned += Long.parseLong(count.group(1));
                }
            }
        }
        return scanned;
    }

    private interface StatementBuilder {
        PreparedStatement build(Connection connection) throws SQLException;
    }
}
