package io.learnstack.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2-backed MongoDB backend that writes every command's changes to its file before the reply
 * goes out, so whatever a client saw acknowledged survives the process being killed.
 *
 * <p>The stock backend leaves commits to the store's background thread (about once a second);
 * a kill in that window loses acknowledged writes. Committing after each command rewrites a chunk
 * per write, so old chunks are kept only briefly, the server compacts the file while it runs
 * ({@link #compact()}) and wholly on a clean close.
 * This covers process crashes, not power loss: the file is not fsync'ed.
 *
 * <p>A commit must also never catch a command half applied: a collection's documents and its {@code _id}
 * index are separate maps, and a file holding a document without its index entry (found after a kill
 * -9 under load) makes every later upsert of that {@code _id} fail as a duplicate. So the background
 * auto-commit is off, and a command that may write runs alone, committed before the next one starts;
 * reads still run side by side.
 *
 * <p>Unique indexes (above all {@code _id}'s, which every lookup and upsert goes through) are keyed by
 * {@link IndexKeyCodec} bytes instead of serialized Java objects, which the store would otherwise serialize
 * again for every comparison in the B-tree; documents are stored as BSON under such bytes of their {@code _id}
 * ({@link BsonCollection}). Files from before keep their documents: what they hold in the stock form is rewritten
 * in the new one when such a file is opened, in one commit.
 */
final class DurableH2Backend extends H2Backend {

    /** How long superseded chunks are kept for readers still traversing them. */
    static final int RETENTION_MILLIS = 2_000;

    /** {@link #compact()} rewrites chunks while less than this share of their space is live data. */
    static final int TARGET_FILL_RATE = 70;
    /** The most live data one {@link #compact()} moves, so it never competes with commands for long. */
    static final int MAX_REWRITE_BYTES = 8 * 1024 * 1024;

    /** Commands that only read: everything else may write, and runs alone. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "aggregate", "distinct",
            "listcollections", "listindexes", "listdatabases", "ismaster", "hello", "ping", "buildinfo",
            "serverstatus", "killcursors", "endsessions", "getlasterror", "whatsmyuri", "dbstats", "collstats",
            "connectionstatus", "getparameter", "getlog", "hostinfo");

    /**
     * Holds which form the maps have, so a file is never read with the wrong one: one key per part of the format
     * that differs from the stock backend's, each mapped to the version of that part.
     */
    static final String FORMAT_MAP = "read-model-server format";
    static final String INDEX_KEYS = "indexKeys";
    static final int ENCODED_INDEX_KEYS = 1;
    static final String DOCUMENTS = "documents";
    static final int BSON_DOCUMENTS = 1;

    private static final Map<String, Integer> FORMAT = Map.of(INDEX_KEYS, ENCODED_INDEX_KEYS, DOCUMENTS, BSON_DOCUMENTS);

    private static final String INDEX_MAP_MARKER = "._index_";
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    /** Where a data map is rewritten before it takes the old one's name; never seen after the upgrade's commit. */
    private static final String REWRITTEN_DATA_MAP_PREFIX = "rewritten.";

    private final ReadWriteLock commands = new ReentrantReadWriteLock();

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setRetentionTime(RETENTION_MILLIS);
        try {
            upgrade(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        return new DurableH2Backend(store);
    }

    /**
     * Rewrites, in one commit, whatever a file written by an earlier version holds in the stock form: the unique
     * indexes (keyed by serialized objects before) and the documents (serialized objects before, under serialized
     * {@code _id}s). The two are independent: the indexes hold the documents' {@code _id}s as positions in
     * either form. A no-op on a file already in the current form; a file in a form this server does not know
     * is refused before anything is read.
     */
    static void upgrade(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        for (Map.Entry<String, Object> part : format.entrySet()) {
            Integer known = FORMAT.get(part.getKey());
            if (known == null || !known.equals(part.getValue())) {
                throw new IllegalStateException("Read-model file " + store.getFileStore().getFileName() + " has "
                        + part.getKey() + " format " + part.getValue() + ", this server reads only " + FORMAT);
            }
        }
        if (format.size() == FORMAT.size()) {
            return;
        }
        List<String> names = List.copyOf(store.getMapNames());
        if (!format.containsKey(INDEX_KEYS)) {
            for (String name : names) {
                if (isIndexMap(name)) {
                    rewriteIndex(store, name);
                }
            }
        }
        if (!format.containsKey(DOCUMENTS)) {
            for (String name : names) {
                if (name.startsWith(DATA_MAP_PREFIX)) {
                    rewriteDocuments(store, name);
                }
            }
        }
        format.putAll(FORMAT);
        store.commit();
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP_MARKER) && !name.equals(FORMAT_MAP)
                && !name.startsWith(DATA_MAP_PREFIX) && !name.startsWith(META_MAP_PREFIX);
    }

    private static void rewriteIndex(MVStore store, String name) {
        MVMap<Object, Object> stored = store.openMap(name);
        List<Map.Entry<Object, Object>> entries = new ArrayList<>(stored.entrySet());
        store.removeMap(stored);
        MVMap<byte[], Object> encoded = openIndexMap(store, name);
        for (Map.Entry<Object, Object> entry : entries) {
            if (!(entry.getKey() instanceof KeyValue key)) {
                throw new IllegalStateException("Index " + name + " holds a key that is no index key: "
                        + entry.getKey());
            }
            encoded.put(IndexKeyCodec.encode(key), entry.getValue());
        }
    }

    /** Copied into a new map that then takes the old one's name; two stock keys that are one _id are refused. */
    private static void rewriteDocuments(MVMap<Object, Document> stored, MVStore store, String name) {
        MVMap<byte[], byte[]> rewritten = openDataMap(store, REWRITTEN_DATA_MAP_PREFIX + name);
        for (Map.Entry<Object, Document> entry : stored.entrySet()) {
            if (rewritten.putIfAbsent(BsonCollection.key(entry.getKey()), BsonDocumentType.encode(entry.getValue())) != null) {
                throw new IllegalStateException("Collection " + name.substring(DATA_MAP_PREFIX.length())
                        + " holds two documents under one key: " + entry.getKey());
            }
        }
        store.removeMap(stored);
        store.renameMap(rewritten, name);
    }

    private static void rewriteDocuments(MVStore store, String name) {
        rewriteDocuments(store.<Object, Document>openMap(name), store, name);
    }

    static MVMap<byte[], byte[]> openDataMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<byte[], byte[]>()
                .keyType(IndexKeyType.INSTANCE).valueType(StoredBsonType.INSTANCE));
    }

    static MVMap<byte[], Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<byte[], Object>().keyType(IndexKeyType.INSTANCE));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new EncodedKeyDatabase(databaseName);
    }

    /**
     * An inner class because the stock database opens its indexes in its constructor, before a field of a
     * subclass would be set; the enclosing backend, and with it the store, is reachable from the start.
     */
    private final class EncodedKeyDatabase extends H2Database {

        EncodedKeyDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String name = getFullCollectionNamespace(collectionName) + INDEX_MAP_MARKER + indexName;
            return new EncodedKeyUniqueIndex(openIndexMap(getMvStore(), name), indexName, keys, sparse);
        }

        /**
         * Dropping stays with the stock database: it opens the maps by name only, which gives the ones opened
         * here with their types, and removes them whole. Renaming a collection is as in the stock database too,
         * which leaves its maps under the old name: no read model renames one.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            return new BsonCollection(this, collectionName, options, openDataMap(getMvStore(), DATA_MAP_PREFIX + fullName),
                    getMvStore().openMap(META_MAP_PREFIX + fullName), cursorRegistry);
        }
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

    /**
     * Moves the live pages out of the sparsest chunks, a bounded amount at a time. Committing after every
     * command turns off the store's background writer, and with it the compaction it would do: under steady
     * writes the file would keep growing with superseded pages. The rewrite only touches pages in memory,
     * beside running commands, as that writer would; the commit that writes them out runs alone, like a
     * command's, so it never catches one half applied. Chunks left empty are freed once they are older than
     * {@link #RETENTION_MILLIS}, and the file shrinks when its end is free.
     */
    void compact() {
        MVStore store = getMvStore();
        store.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
        commands.writeLock().lock();
        try {
            store.commit();
        } finally {
            commands.writeLock().unlock();
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
