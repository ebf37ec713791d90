package io.learnstack.command.attachments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.learnstack.command.xapi.InvalidStatementException;

/**
 * Splits a {@code multipart/mixed} body into its parts (RFC 2046 section 5.1.1): text before the first
 * boundary line (the preamble) and after the closing one (the epilogue) is ignored, and the line break
 * before a boundary line belongs to the boundary, not to the part before it. Lines may end in CRLF, or
 * in LF alone as some clients send them. Anything else that is malformed, including a body that ends
 * without its closing boundary (it may have been cut off), is refused with a message naming the problem.
 */
public final class MultipartMixed {

    private static final int MAX_BOUNDARY_LENGTH = 70;

    private MultipartMixed() {
    }

    /**
     * @param body     the request body
     * @param boundary the boundary parameter of the request's Content-Type, unquoted
     * @return the parts in the order sent; never empty
     * @throws InvalidStatementException when the body is not a well-formed multipart body
     */
    public static List<Part> parse(byte[] body, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw invalid("the multipart boundary must be 1 to 70 characters long");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Delimiter next = find(body, delimiter, 0, true);
        if (next == null) {
            throw invalid("the body has no boundary line --" + boundary);
        }
        List<Part> parts = new ArrayList<>();
        while (!next.closing()) {
            int start = next.end();
            next = find(body, delimiter, start, false);
            if (next == null) {
                throw invalid("the body ends without its closing boundary line --" + boundary + "--");
            }
            parts.add(part(body, start, next.start(), parts.size() + 1));
        }
        if (parts.isEmpty()) {
            throw invalid("the body has no parts");
        }
        return parts;
    }

    /**
     * A boundary line.
     *
     * @param start   where the line break before it starts (or the line itself, at the start of the body)
     * @param end     where the next part's headers start
     * @param closing whether it is the closing boundary
     */
    private record Delimiter(int start, int end, boolean closing) {
    }

    private static Delimiter find(byte[] body, byte[] delimiter, int from, boolean mayStartBody) {
        for (int at = indexOf(body, delimiter, from); at >= 0; at = indexOf(body, delimiter, at + 1)) {
            int lineStart;
            if (at == 0 && mayStartBody) {
                lineStart = 0;
            } else if (at - from >= 2 && body[at - 2] == '\r' && body[at - 1] == '\n') {
                lineStart = at - 2;
            } else if (at - from >= 1 && body[at - 1] == '\n') {
                lineStart = at - 1;
            } else {
                continue;
            }
            int after = at + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return new Delimiter(lineStart, body.length, true);
            }
            // Transport padding: white space a gateway may have added after the boundary.
            while (after < body.length && (body[after] == ' ' || body[after] == '\t')) {
                after++;
            }
            int lineBreak = lineBreakAt(body, after);
            if (lineBreak > 0) {
                return new Delimiter(lineStart, after + lineBreak, false);
            }
            // The boundary string continues with other characters: it is content, not a boundary line.
        }
        return null;
    }

    private static Part part(byte[] body, int start, int end, int number) {
        Map<String, String> headers = new LinkedHashMap<>();
        int cursor = start;
        // A part may end right after its headers (RFC 2046: the empty line and content are optional).
        while (cursor < end) {
            int lineEnd = lineEnd(body, cursor, end);
            if (lineEnd == cursor) {
                cursor += lineBreakAt(body, cursor);
                break;
            }
            int stop = lineEnd < 0 ? end : lineEnd;
            String line = new String(body, cursor, stop - cursor, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid("part " + number + " has a header line without a name and colon: " + abbreviate(line));
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            cursor = lineEnd < 0 ? end : lineEnd + lineBreakAt(body, lineEnd);
        }
        return new Part(headers, Arrays.copyOfRange(body, Math.min(cursor, end), end));
    }

    /** Where the line at {@code from} ends (its line break), or -1 if no line break comes before {@code limit}. */
    private static int lineEnd(byte[] body, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (lineBreakAt(body, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The length of the line break at {@code at}: 2 for CRLF, 1 for LF, 0 for none. */
    private static int lineBreakAt(byte[] body, int at) {
        if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
            return 2;
        }
        return at < body.length && body[at] == '\n' ? 1 : 0;
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        byte first = target[0];
        int last = body.length - target.length;
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (body[i] != first) {
                continue;
            }
            int j = 1;
            while (j < target.length && body[i + j] == target[j]) {
                j++;
            }
            if (j == target.length) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }

    private static InvalidStatementException invalid(String problem) {
        return new InvalidStatementException("multipart/mixed body: " + problem);
    }
}
