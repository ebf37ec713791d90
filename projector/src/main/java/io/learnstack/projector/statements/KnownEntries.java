package io.learnstack.projector.statements;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Day and series index entries this projector has written: a day document gains a second and a series
 * document a day far less often than statements arrive, so most of their {@code $addToSet}s would change
 * nothing, and each still costs the read-model server an {@code _id} lookup. Only entries whose write was
 * acknowledged are remembered, and index entries are only ever removed by a rebuild, which runs with every
 * projector stopped; so skipping a remembered entry skips a write that would have changed nothing.
 * Bounded: when full it forgets everything, which only costs the writes again.
 */
final class KnownEntries {

    private static final int MAX_ENTRIES = 200_000;

    private final Set<String> entries = ConcurrentHashMap.newKeySet();

    boolean contains(String documentId, String value) {
        return entries.contains(key(documentId, value));
    }

    void add(String documentId, String value) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.add(key(documentId, value));
    }

    private static String key(String documentId, String value) {
        return documentId + '\n' + value;
    }
}
