package io.learnstack.command.attachments;

/**
 * The content of an attachment as a request delivered it, checked against its hash.
 *
 * @param sha2        the content's SHA-2 hash, lower-case hex
 * @param contentType the Content-Type of its part
 * @param content     the bytes
 */
public record ReceivedAttachment(String sha2, String contentType, byte[] content) {
}
