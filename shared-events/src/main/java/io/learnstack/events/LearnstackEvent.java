package io.learnstack.events;

/**
 * Every event the command side publishes: learners' statements and what was derived from them, xAPI
 * documents, attachment contents, the credential catalogue, awarded credentials, issuers' keys,
 * enrolments and client keys issued through the admin API. Projectors switch over the family exhaustively.
 * <p>
 * Events are published to Kafka keyed by {@link #partitionKey()}: events that must stay in order share
 * a key, so they share a partition.
 *
 * @since 0.2
 */
public sealed interface LearnstackEvent permits LearnerEvent, DocumentEvent, AttachmentStored, CatalogueEvent, AwardEvent,
        IssuerKeyPublished, EnrolmentEvent, ClientKeyEvent {

    /** The tenant (RTO) the event belongs to. */
    String tenant();

    /** The key that orders related events on the bus. */
    String partitionKey();
}
