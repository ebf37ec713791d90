package io.learnstack.events;

/**
 * An event about one xAPI document (a state, an activity profile or an agent profile).
 *
 * @since 0.2
 */
public sealed interface DocumentEvent extends LearnstackEvent permits DocumentStored, DocumentDeleted {

    /** Where the document lives. */
    DocumentAddress address();

    /** Events of one scope share a partition, so a document's changes are applied in order. */
    @Override
    default String partitionKey() {
        return tenant() + "|" + address().scopeKey();
    }
}
