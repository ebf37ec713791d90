package io.learnstack.command.attachments;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Store the content of an attachment for a tenant, unless the tenant already has content under its hash.
 *
 * @param aggregateId the content's identity in the event store: tenant and hash together
 * @param tenant      the tenant (RTO) that sent it
 * @param sha2        the content's SHA-2 hash, lower-case hex
 * @param contentType the Content-Type the content came with
 * @param content     the bytes
 * @param stored      when the LRS received it
 */
public record StoreAttachment(
        @TargetAggregateIdentifier String aggregateId,
        String tenant,
        String sha2,
        String contentType,
        byte[] content,
        Instant stored) {

    /** Builds the command for content a request delivered. */
    public static StoreAttachment of(String tenant, ReceivedAttachment received, Instant stored) {
        return new StoreAttachment(aggregateIdOf(tenant, received.sha2()), tenant, received.sha2(),
                received.contentType(), received.content(), stored);
    }

    /** The aggregate identifier of a tenant's attachment content; it cannot be taken for a statement's. */
    public static String aggregateIdOf(String tenant, String sha2) {
        return tenant + "|attachment:" + sha2;
    }
}
