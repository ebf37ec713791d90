package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A document was written: created or replaced by a PUT, or merged by a POST. The event carries the
 * whole document as it now stands, so a projection only ever replaces what it holds.
 *
 * @param tenant      the tenant (RTO)
 * @param address     where the document lives
 * @param contentType the media type the client sent, as the LRS will return it
 * @param content     the document's bytes (after a merge: the merged JSON)
 * @param etag        the document's entity tag, quoted (a hash of the content)
 * @param stored      when the LRS stored this version; the document's Last-Modified
 * @since 0.2
 */
@Revision("1")
public record DocumentStored(
        String tenant,
        DocumentAddress address,
        String contentType,
        byte[] content,
        String etag,
        Instant stored) implements DocumentEvent {
}
