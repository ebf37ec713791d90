package io.learnstack.command.xapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats of the xAPI data model: UUIDs, IRIs, mailto IRIs, RFC 5646 language tags,
 * ISO 8601 timestamps and durations. Checks are syntactic, as the specification allows ("best-effort
 * validation" of IRIs and language tags); nothing is resolved or looked up.
 */
public final class XapiFormats {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    // RFC 5646 section 2.1 (well-formed tags); grandfathered "regular" tags already fit the langtag rule.
    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"
                    + "(?:-[a-z]{4})?"
                    + "(?:-(?:[a-z]{2}|[0-9]{3}))?"
                    + "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
                    + "(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
                    + "(?:-x(?:-[a-z0-9]{1,8})+)?"
                    + "|x(?:-[a-z0-9]{1,8})+",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> IRREGULAR_GRANDFATHERED = Set.of(
            "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
            "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de");

    /*
     * The subset of ISO 8601 that java.time's OffsetDateTime parses, so that every accepted timestamp can
     * be turned into an instant by the rest of the LRS. Basic-format offsets (+0100) are left out on
     * purpose: ISO 8601 does not mix them with the extended date format.
     */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?<zone>[Zz]|[+-]\\d{2}(?::\\d{2})?)");

    private static final Pattern ZONELESS_TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?");

    private static final Pattern WEEKS = Pattern.compile("P\\d+(?:[.,]\\d+)?W");

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:[.,]\\d+)?)([A-Z])");

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9!#$&^_.+\\-]+/[A-Za-z0-9!#$&^_.+\\-]+(?:\\s*;.*)?", Pattern.DOTALL);

    private XapiFormats() {
    }

    /** A UUID in its standard hyphenated string form, any version or variant, either case. */
    public static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }

    /**
     * An absolute IRI: a scheme, a colon and something after it, without characters RFC 3987 never
     * allows (white space, controls, {@code <>"{}|\^`}) and with well-formed percent escapes.
     */
    public static boolean isAbsoluteIri(String value) {
        int colon = value.indexOf(':');
        if (colon < 1 || colon == value.length() - 1 || !SCHEME.matcher(value.substring(0, colon)).matches()) {
            return false;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || (c >= 0x7f && c <= 0x9f) || "<>\"{}|\\^`".indexOf(c) >= 0
                    || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= value.length() || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A "mailto:" IRI holding one e-mail address. */
    static boolean isMailtoIri(String value) {
        if (value.length() < 7 || !value.regionMatches(true, 0, "mailto:", 0, 7) || !isAbsoluteIri(value)) {
            return false;
        }
        String address = value.substring(7);
        int at = address.indexOf('@');
        return at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1;
    }

    static boolean isSha1Hex(String value) {
        return SHA1_HEX.matcher(value).matches();
    }

    /** The hex form of a SHA-2 digest: SHA-224, SHA-256, SHA-384 or SHA-512. */
    static boolean isSha2Hex(String value) {
        int length = value.length();
        return (length == 56 || length == 64 || length == 96 || length == 128) && HEX.matcher(value).matches();
    }

    static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value).matches();
    }

    /**
     * A well-formed RFC 5646 language tag. Beyond the grammar, an extension singleton may appear only
     * once (the conformance suite rejects e.g. {@code zh-z-aaa-z-bbb-c-ccc}).
     */
    static boolean isLanguageTag(String value) {
        if (IRREGULAR_GRANDFATHERED.contains(value.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (!LANGUAGE_TAG.matcher(value).matches()) {
            return false;
        }
        Set<String> singletons = new HashSet<>();
        for (String subtag : value.toLowerCase(Locale.ROOT).split("-")) {
            if (subtag.equals("x")) {
                break;
            }
            if (subtag.length() == 1 && !singletons.add(subtag)) {
                return false;
            }
        }
        return true;
    }

    /** Why a timestamp is not acceptable, or empty when it is. */
    static Optional<String> timestampProblem(String value) {
        Matcher matcher = TIMESTAMP.matcher(value);
        if (!matcher.matches()) {
            if (ZONELESS_TIMESTAMP.matcher(value).matches()) {
                return Optional.of("must include a time zone offset or Z, e.g. " + value + "Z");
            }
            return Optional.of("must be an ISO 8601 date-time with a time zone, e.g. 2013-05-18T05:32:34.000Z");
        }
        String zone = matcher.group("zone");
        if (zone.equals("-00") || zone.equals("-00:00")) {
            return Optional.of("must not use the offset " + zone + " (ISO 8601 writes a zero offset as Z or +00:00)");
        }
        try {
            OffsetDateTime.parse(value);
            return Optional.empty();
        } catch (DateTimeException outOfRange) {
            return Optional.of("is not a valid date-time: " + value);
        }
    }

    /** The instant a timestamp names; only for timestamps {@link #timestampProblem} accepts. */
    static Instant instantOf(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }

    /**
     * An ISO 8601:2004 duration in the format with designators (section 4.4.3.2), the only one xAPI
     * allows: {@code PnYnMnDTnHnMnS} with at least one component, or {@code PnW} on its own. Only the
     * last component may have a decimal fraction.
     */
    static boolean isDuration(String value) {
        if (WEEKS.matcher(value).matches()) {
            return true;
        }
        if (!value.startsWith("P") || value.length() < 3) {
            return false;
        }
        int t = value.indexOf('T');
        String date = t < 0 ? value.substring(1) : value.substring(1, t);
        String time = t < 0 ? "" : value.substring(t + 1);
        if (t >= 0 && time.isEmpty()) {
            return false;
        }
        int[] fractions = {0};
        int dateParts = countParts(date, "YMD", fractions);
        int timeParts = countParts(time, "HMS", fractions);
        if (dateParts < 0 || timeParts < 0 || dateParts + timeParts == 0) {
            return false;
        }
        // A fraction is allowed on the lowest-order component only, so it must sit at the very end.
        return fractions[0] == 0 || (fractions[0] == 1 && value.matches(".*[.,]\\d+[A-Z]"));
    }

    /** Number of components in a run of (number designator) pairs in the given order, or -1 when malformed. */
    private static int countParts(String part, String designators, int[] fractions) {
        Matcher matcher = DURATION_PART.matcher(part);
        int position = 0;
        int lastDesignator = -1;
        int count = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                return -1;
            }
            int designator = designators.indexOf(matcher.group(2));
            if (designator <= lastDesignator) {
                return -1;
            }
            if (matcher.group(1).contains(".") || matcher.group(1).contains(",")) {
                fractions[0]++;
            }
            lastDesignator = designator;
            position = matcher.end();
            count++;
        }
        return position == part.length() ? count : -1;
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
