package io.learnstack.infra.mongo;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map.Entry;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A unique index whose map is keyed by {@link IndexKeyCodec} bytes; the positions (the documents' keys
 * in their collection) are stored as the stock index stores them.
 */
final class EncodedKeyUniqueIndex extends AbstractUniqueIndex<Object> {

    /** Stands for a condition that the key be null, which an Optional cannot hold. */
    private static final Object NULL = new Object();

    private final MVMap<byte[], Object> map;

    EncodedKeyUniqueIndex(MVMap<byte[], Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /**
     * Also answers a query that holds a condition on every key of the index among others, at its top or in
     * the clauses of its {@code $and} (the Java driver writes {@code and(...)} so), as MongoDB does: the
     * projector's conditional writes ({@code _id} and the version it read) would otherwise scan the whole
     * collection. The index finds the documents that meet the conditions on its keys; the collection then
     * matches each against the whole query, as it does for every query an index answers.
     */
    @Override
    public synchronized boolean canHandle(Document query) {
        Document onKeys = onKeys(query);
        return onKeys != null && super.canHandle(onKeys);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Document onKeys = onKeys(query);
        return super.getPositions(onKeys == null ? query : onKeys);
    }

    /** The query's conditions on the index's keys, or null unless it has one on each. */
    private Document onKeys(Document query) {
        Document onKeys = new Document();
        for (String key : keys()) {
            Optional<Object> condition = conditionOn(key, query);
            if (condition.isEmpty()) {
                return null;
            }
            onKeys.put(key, condition.get() == NULL ? null : condition.get());
        }
        return onKeys;
    }

    /**
     * The first condition on the key, at the top of the query or in a clause of its {@code $and}: every
     * document the whole query matches meets it.
     */
    private static Optional<Object> conditionOn(String key, Document query) {
        if (query.containsKey(key)) {
            return Optional.of(query.get(key) == null ? NULL : query.get(key));
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    Optional<Object> condition = conditionOn(key, document);
                    if (condition.isPresent()) {
                        return condition;
                    }
                }
            }
        }
        return Optional.empty();
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
