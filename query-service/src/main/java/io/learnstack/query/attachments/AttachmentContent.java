package io.learnstack.query.attachments;

/**
 * The stored content of a statement attachment.
 *
 * @param sha2        its SHA-2 hash, lower-case hex, as statements name it
 * @param contentType the content type it was sent with
 * @param content     the bytes
 */
public record AttachmentContent(String sha2, String contentType, byte[] content) {
}
