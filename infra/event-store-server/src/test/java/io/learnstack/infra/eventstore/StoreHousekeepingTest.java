package io.learnstack.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreHousekeepingTest {

    @TempDir
    Path dataDir;

    @Test
    void rewritesTheLivePagesOfSparseChunksWhileTheDatabaseIsInUse() throws SQLException {
        // given a database written through, one small commit at a time, at random places in its keys
        try (Connection writer = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events"), "sa", "")) {
            try (Statement ddl = writer.createStatement()) {
                ddl.execute("SET WRITE_DELAY 0");
                // H2 keeps chunks younger than this (45 s by default) for readers; the server's chunks age past
                // it, the test's would not.
                ddl.execute("SET RETENTION_TIME 0");
                ddl.execute("CREATE TABLE events (id VARCHAR(36) PRIMARY KEY, payload VARBINARY(2000))");
            }
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
                for (int i = 0; i < 4_000; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, new byte[500]);
                    insert.executeUpdate();
                }
            }
            int before = StoreHousekeeping.storeOf(writer).getFileStore().getChunksFillRate();
            StoreHousekeeping housekeeping = new StoreHousekeeping(dataDir);

            // when it runs a few rounds, as the server does every few seconds
            int after = before;
            for (int round = 0; round < 10 && after < StoreHousekeeping.TARGET_FILL_RATE; round++) {
                after = housekeeping.compact(dataDir.resolve("events.mv.db"));
            }

            // then the file holds mostly live data, and every row is still there
            assertThat(before).as("fill rate before").isLessThan(50);
            assertThat(after).as("fill rate after").isGreaterThanOrEqualTo(StoreHousekeeping.TARGET_FILL_RATE);
            try (Statement count = writer.createStatement();
                    ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM events")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(4_000);
            }
        }
    }

    @Test
    void aMissingDataDirectoryIsNothingToDo() {
        // given
        StoreHousekeeping housekeeping = new StoreHousekeeping(dataDir.resolve("missing"));

        // when / then: nothing to do, nothing thrown
        housekeeping.compactAll();
        assertThat(dataDir.resolve("missing")).doesNotExist();
    }
}
