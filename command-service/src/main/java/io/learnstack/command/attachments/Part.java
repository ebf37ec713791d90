package io.learnstack.command.attachments;

import java.util.Locale;
import java.util.Map;

/**
 * One body part of a {@code multipart/mixed} request.
 *
 * @param headers the part's headers, names in lower case, values trimmed
 * @param content the part's bytes, exactly as sent
 */
public record Part(Map<String, String> headers, byte[] content) {

    public Part {
        headers = Map.copyOf(headers);
    }

    /** A header's value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
