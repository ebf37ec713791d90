package io.learnstack.infra.mongo;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
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
