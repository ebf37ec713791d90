package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A document was deleted. A DELETE of every state in a scope records one of these per document.
 *
 * @param tenant  the tenant (RTO)
 * @param address where the document lived
 * @param deleted when the LRS deleted it
 * @since 0.2
 */
@Revision("1")
public record DocumentDeleted(
        String tenant,
        DocumentAddress address,
        Instant deleted) implements DocumentEvent {
}
