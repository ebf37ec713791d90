package io.learnstack.infra.mongo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * An H2-backed MongoDB backend that writes every command's changes to its file before the reply
 * goes out, so whatever a client saw acknowledged survives the process being killed.
 *
 * <p>The stock backend leaves commits to the store's background thread (about once a second);
 * a kill in that window loses acknowledged writes. Committing after each command rewrites a chunk
 * per write, so old chunks are kept only briefly and the file is compacted on a clean close.
 * This covers process crashes, not power loss: the file is not fsync'ed.
 *
 * <p>A commit must also never catch a command half applied: a collection's documents and its {@code _id}
 * index are separate maps, and a file holding a document without its index entry (found after a kill
 * -9 under load) makes every later upsert of that {@code _id} fail as a duplicate. So the background
 * auto-commit is off, and a command that may write runs alone, committed before the next one starts;
 * reads still run side by side.
 */
final class DurableH2Backend extends H2Backend {

    /** How long superseded chunks are kept for readers still traversing them. */
    static final int RETENTION_MILLIS = 2_000;

    /** Commands that only read: everything else may write, and runs alone. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "aggregate", "distinct",
            "listcollections", "listindexes", "listdatabases", "ismaster", "hello", "ping", "buildinfo",
            "serverstatus", "killcursors", "endsessions", "getlasterror", "whatsmyuri", "dbstats", "collstats",
            "connectionstatus", "getparameter", "getlog", "hostinfo");

    private final ReadWriteLock commands = new ReentrantReadWriteLock();

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setRetentionTime(RETENTION_MILLIS);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (READS.contains(command.toLowerCase(Locale.ROOT))) {
            commands.readLock().lock();
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commands.readLock().unlock();
            }
        }
        commands.writeLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            try {
                // Also after a failed command: an unordered bulk write may have applied part of its batch.
                // A no-op when the command changed nothing.
                getMvStore().commit();
            } finally {
                commands.writeLock().unlock();
            }
        }
    }

    @Override
    public void close() {
        // Unlimited compaction time means a full rewrite into a fresh file that then replaces the old
        // one; a kill during it leaves the old file in place. The store is closed afterwards, so the
        // close() that follows in H2Backend does nothing more.
        getMvStore().close(-1);
        super.close();
    }
}
