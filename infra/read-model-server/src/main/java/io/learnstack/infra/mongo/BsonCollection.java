package io.learnstack.infra.mongo;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A collection whose documents are stored as BSON ({@link StoredBsonType}) under the {@link IndexKeyCodec} bytes
 * of their {@code _id}, so neither the documents nor, for each comparison in the B-tree, their keys go through Java
 * serialization.
 *
 * <p>A document's position, which the indexes hold, stays its {@code _id} itself (a random UUID in a collection
 * without one), as in the stock collection: indexes from before need no rewrite, and the map key follows from the
 * position. {@code 1} and {@code 1.0} are one key here, as they are one {@code _id} in the unique index.
 * The natural order is the order of the {@code _id}s as MongoDB compares them.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<byte[], byte[]> dataMap;
    private final MVMap<String, Object> metaMap;

    BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<byte[], byte[]> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.dataMap = dataMap;
        this.metaMap = metaMap;
        metaMap.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    /** The data map's key for a document at this position. */
    static byte[] key(Object position) {
        return IndexKeyCodec.encode(new KeyValue(List.of(Missing.ofNullable(position))));
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (metaMap) {
            Number value = (Number) metaMap.get(DATA_SIZE_KEY);
            metaMap.put(DATA_SIZE_KEY, value.longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) metaMap.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        byte[] bson = BsonDocumentType.encode(document);
        Object position = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = dataMap.putIfAbsent(key(position), bson);
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + position + "' already existed in " + this
                    + ": " + BsonDocumentType.decode(previous));
        }
        return position;
    }

    @Override
    public int count() {
        return dataMap.size();
    }

    @Override
    public boolean isEmpty() {
        return dataMap.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        return BsonDocumentType.decode(dataMap.get(key(position)));
    }

    @Override
    protected void removeDocument(Object position) {
        if (dataMap.remove(key(position)) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return dataMap.entrySet().stream().map(entry -> {
            Document document = BsonDocumentType.decode(entry.getValue());
            return new DocumentWithPosition<>(document, position(entry.getKey(), document));
        });
    }

    /** The position as {@link #addDocumentInternal} gave it, which the indexes hold and compare. */
    private Object position(byte[] key, Document document) {
        if (getIdField() == null) {
            return IndexKeyCodec.decode(key).get(0);
        }
        return Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Stream<Document> documents;
        if (isNaturalDescending(orderBy)) {
            Cursor<byte[], byte[]> cursor = dataMap.cursor(null, null, true);
            Iterator<Document> values = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Document next() {
                    cursor.next();
                    return BsonDocumentType.decode(cursor.getValue());
                }
            };
            documents = StreamSupport.stream(Spliterators.spliteratorUnknownSize(values, 0), false);
        } else {
            documents = dataMap.values().stream().map(BsonDocumentType::decode);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        dataMap.put(key(position), BsonDocumentType.encode(newDocument));
    }
}
