package io.learnstack.projector.statements;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Document ids of the statement index. A series is every statement of one tenant that matches one
 * filter value (an agent, a verb, an activity, a registration, or all of them). Its statements are
 * bucketed by the second they were stored; day documents list a series' seconds and a series document
 * lists its days, so a query walks the newest buckets first through {@code _id} lookups alone.
 * <p>
 * The fixed-width level and time come before the free-form value, so no two ids can collide.
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

    static String day(Instant stored) {
        return DAY.format(stored);
    }

    static String second(Instant stored) {
        return SECOND.format(stored);
    }

    static String dayDocument(String series, String day) {
        return "D|" + day + "|" + series;
    }

    static String bucketDocument(String series, String day, String second) {
        return "B|" + day + "T" + second + "|" + series;
    }

    /** Lists the entries of the statements whose StatementRef object targets one statement. */
    static String referrersDocument(String tenant, String statementId) {
        return "R|" + tenant + "|" + statementId;
    }

    /** Orders a series' entries newest last; the statement id breaks ties within a millisecond. */
    static String entry(Instant stored, String statementId) {
        // Written for every statement and series: String.format costs more than the rest of the filing.
        long epochMilli = stored.toEpochMilli();
        if (epochMilli < 0) {
            return String.format("%013d|%s", epochMilli, statementId);
        }
        String millis = Long.toString(epochMilli);
        StringBuilder entry = new StringBuilder(14 + statementId.length());
        for (int pad = millis.length(); pad < 13; pad++) {
            entry.append('0');
        }
        return entry.append(millis).append('|').append(statementId).toString();
    }

    static Instant storedOf(String entry) {
        return Instant.ofEpochMilli(Long.parseLong(entry.substring(0, entry.indexOf('|'))));
    }

    static String statementIdOf(String entry) {
        return entry.substring(entry.indexOf('|') + 1);
    }
}
