package io.learnstack.infra.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the databases' files from growing without bound. Every commit is written through
 * ({@code WRITE_DELAY 0}), and each commit writes a new chunk holding the pages it changed; the older
 * copies of those pages are left behind in older chunks. H2 rewrites the live pages of such chunks from
 * its background writer, but write-through stops that writer, so nothing did: under steady writes the
 * event store's file held about ten times its data. This does the writer's compaction from here, a
 * bounded amount at a time, on the database the TCP server has open (a connection from the same JVM
 * shares it).
 */
final class StoreHousekeeping {

    /** Chunks are rewritten until this share of the file is live data. */
    static final int TARGET_FILL_RATE = 70;
    /** At most this much live data is moved per round, so a round never holds writers up for long. */
    static final int MAX_REWRITE_BYTES = 16 * 1024 * 1024;

    private static final String SUFFIX = ".mv.db";

    private final Path dataDir;
    private final Map<Path, FileTime> compacted = new HashMap<>();

    StoreHousekeeping(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * One round over the databases in the data directory that were written since the last round (opening one
     * that is idle would only cost); a failure leaves the others to be done.
     */
    void compactAll() {
        for (Path file : databaseFiles()) {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.equals(compacted.get(file))) {
                    continue;
                }
                compact(file);
                compacted.put(file, Files.getLastModifiedTime(file));
            } catch (IOException | SQLException | RuntimeException e) {
                System.out.println("EventStoreServer housekeeping skipped " + file.getFileName() + ": " + e);
            }
        }
    }

    /** Rewrites the sparsest chunks of one database, returning the chunks' fill rate afterwards. */
    int compact(Path file) throws SQLException {
        String name = file.toString().substring(0, file.toString().length() - SUFFIX.length());
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + name + ";IFEXISTS=TRUE", "sa", "")) {
            MVStore store = storeOf(connection);
            store.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
            // The moved pages reach the file with the next commit; writers may be idle, so commit now.
            store.commit();
            return store.getFileStore().getChunksFillRate();
        }
    }

    static MVStore storeOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    private List<Path> databaseFiles() {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
