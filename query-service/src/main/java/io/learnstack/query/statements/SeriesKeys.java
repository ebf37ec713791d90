package io.learnstack.query.statements;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Document ids of the statement index the projector writes: series, day and bucket documents (see the
 * projector's statement projection). The two sides must agree on these shapes; the end-to-end tests
 * hold them to it.
 */
final class SeriesKeys {

    static final String ALL = "all";
    static final String AGENT = "agent";
    static final String VERB = "verb";
    static final String ACTIVITY = "activity";
    static final String REGISTRATION = "registration";
    /** The agent filter with {@code related_agents=true}. */
    static final String RELATED_AGENT = "related-agent";
    /** The activity filter with {@code related_activities=true}. */
    static final String RELATED_ACTIVITY = "related-activity";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private SeriesKeys() {
    }

    static String series(String tenant, String dimension, String value) {
        return tenant + "|" + dimension + "|" + value;
    }

    static String seriesDocument(String series) {
        return "S|" + series;
    }

    static String day(Instant time) {
        return DAY.format(time);
    }

    static String second(Instant time) {
        return SECOND.format(time);
    }

    static String dayDocument(String series, String day) {
        return "D|" + day + "|" + series;
    }

    static String bucketDocument(String series, String day, String second) {
        return "B|" + day + "T" + second + "|" + series;
    }

    static long storedMillisOf(String entry) {
        return Long.parseLong(entry.substring(0, entry.indexOf('|')));
    }

    static String statementIdOf(String entry) {
        return entry.substring(entry.indexOf('|') + 1);
    }
}
