package io.learnstack.infra.mongo;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index whose map is keyed by {@link IndexKeyCodec} bytes; the positions (the documents' keys
 * in their collection) are stored as the stock index stores them.
 */
final class EncodedKeyUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<byte[], Object> map;

    EncodedKeyUniqueIndex(MVMap<byte[], Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /**
     * Also answers a query that names every key of the index and more fields besides, as MongoDB does: the
     * projector's conditional writes ({@code _id} and the version read) would otherwise scan the whole
     * collection. The index finds the documents with the queried key; the collection then matches each
     * against the whole query, as it does for every query an index answers.
     */
    @Override
    public synchronized boolean canHandle(Document query) {
        if (query.keySet().equals(keySet())) {
            return super.canHandle(query);
        }
        if (!query.keySet().containsAll(keySet())) {
            return false;
        }
        Document onKeys = new Document();
        keys().forEach(key -> onKeys.put(key, query.get(key)));
        return super.canHandle(onKeys);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(IndexKeyCodec.encode(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(IndexKeyCodec.encode(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Entry<KeyValue, Object>>map(entry -> new AbstractMap.SimpleImmutableEntry<>(
                        IndexKeyCodec.decode(entry.getKey()), entry.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(IndexKeyCodec.encode(keyValue));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
