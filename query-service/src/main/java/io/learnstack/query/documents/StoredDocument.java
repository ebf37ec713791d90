package io.learnstack.query.documents;

import java.time.Instant;

/**
 * One document as the LRS stored it.
 *
 * @param contentType the media type it was stored with
 * @param content     its bytes
 * @param etag        its entity tag, quoted
 * @param stored      when it was last written
 */
record StoredDocument(String contentType, byte[] content, String etag, Instant stored) {
}
