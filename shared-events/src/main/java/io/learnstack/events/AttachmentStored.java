package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The content of a statement attachment was received. Contents are stored once per tenant and hash,
 * however many statements refer to them; statements name them by {@code sha2} in their attachments.
 *
 * @param tenant      the tenant (RTO)
 * @param sha2        the SHA-2 hash of the content, lower-case hex, as the statement's attachment gives it
 * @param contentType the content type of the attachment's part
 * @param content     the attachment's bytes
 * @param stored      when the LRS received it
 * @since 0.2
 */
@Revision("1")
public record AttachmentStored(
        String tenant,
        String sha2,
        String contentType,
        byte[] content,
        Instant stored) implements LearnstackEvent {

    /** Contents are spread over the bus by hash; nothing orders them against other events. */
    @Override
    public String partitionKey() {
        return tenant + "|attachment:" + sha2;
    }
}
