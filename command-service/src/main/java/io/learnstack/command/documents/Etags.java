package io.learnstack.command.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Entity tags of documents: the quoted hex SHA-1 of the content, as the xAPI 1.0.3 conformance tests
 * expect (2.0 names no algorithm). The query side serves the tag stored in the event, never its own.
 */
final class Etags {

    /** The value of a precondition header that matches any current document. */
    static final String ANY = "*";

    private Etags() {
    }

    static String of(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform must provide SHA-1
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The entity tags of an If-Match or If-None-Match header, each quoted as the LRS writes them, or
     * {@code *}. Clients (and proxies) are met half-way: a tag sent without quotes or marked weak
     * still names the same content.
     *
     * @param header the header's values joined by commas, or {@code null} when absent
     * @return the tags, or {@code null} when the header is absent
     */
    static List<String> parse(String header) {
        if (header == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (header.startsWith("W/", i)) {
                i += 2;
                continue;
            }
            int end;
            String tag;
            if (c == '"') {
                int close = header.indexOf('"', i + 1);
                end = close < 0 ? header.length() : close + 1;
                tag = header.substring(i + 1, close < 0 ? header.length() : close);
            } else {
                int comma = header.indexOf(',', i);
                end = comma < 0 ? header.length() : comma;
                tag = header.substring(i, end).trim();
            }
            tags.add(tag.equals(ANY) && c != '"' ? ANY : "\"" + tag + "\"");
            i = end;
        }
        return List.copyOf(tags);
    }
}
