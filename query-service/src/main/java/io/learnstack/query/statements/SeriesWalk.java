package io.learnstack.query.statements;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * Walks one series of the statement index in stored order, newest first or oldest first, yielding its
 * entries ({@code storedMillis|statementId}) lazily. Days outside the time bounds are never read; buckets
 * are fetched a few dozen at a time, each by {@code _id}.
 */
final class SeriesWalk implements Iterator<String> {

    private static final int BUCKETS_PER_FETCH = 32;

    private final MongoCollection<Document> index;
    private final String series;
    private final Comparator<String> order;
    private final Instant since;
    private final Instant until;
    private final String after;
    private final Deque<String> days;
    private final Deque<String> secondsOfDay = new ArrayDeque<>();
    private final Deque<String> entries = new ArrayDeque<>();
    private final String afterDay;
    private final String afterSecond;
    private String currentDay;

    /**
     * @param after an entry already returned by an earlier page; only entries beyond it are yielded
     */
    SeriesWalk(MongoCollection<Document> index, String series, boolean ascending, Instant since, Instant until,
            String after) {
        this.index = index;
        this.series = series;
        this.order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        this.since = since;
        this.until = until;
        this.after = after;
        Instant afterTime = after == null ? null : Instant.ofEpochMilli(SeriesKeys.storedMillisOf(after));
        this.afterDay = afterTime == null ? null : SeriesKeys.day(afterTime);
        this.afterSecond = afterTime == null ? null : SeriesKeys.second(afterTime);
        Document seriesDocument = index.find(eq("_id", SeriesKeys.seriesDocument(series))).first();
        List<String> allDays = seriesDocument == null ? List.of() : seriesDocument.getList("days", String.class);
        String firstDay = since == null ? null : SeriesKeys.day(since);
        String lastDay = until == null ? null : SeriesKeys.day(until);
        this.days = new ArrayDeque<>(allDays.stream()
                .filter(day -> firstDay == null || day.compareTo(firstDay) >= 0)
                .filter(day -> lastDay == null || day.compareTo(lastDay) <= 0)
                .filter(day -> afterDay == null || order.compare(day, afterDay) >= 0)
                .sorted(order).toList());
    }

    @Override
    public boolean hasNext() {
        while (entries.isEmpty()) {
            if (secondsOfDay.isEmpty() && !nextDay()) {
                return false;
            }
            fetchBuckets();
        }
        return true;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return entries.poll();
    }

    private boolean nextDay() {
        while (!days.isEmpty()) {
            currentDay = days.poll();
            Document day = index.find(eq("_id", SeriesKeys.dayDocument(series, currentDay))).first();
            if (day != null) {
                day.getList("seconds", String.class).stream().sorted(order)
                        .filter(second -> !currentDay.equals(afterDay) || order.compare(second, afterSecond) >= 0)
                        .forEach(secondsOfDay::add);
                if (!secondsOfDay.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void fetchBuckets() {
        List<String> ids = new ArrayList<>();
        while (!secondsOfDay.isEmpty() && ids.size() < BUCKETS_PER_FETCH) {
            ids.add(SeriesKeys.bucketDocument(series, currentDay, secondsOfDay.poll()));
        }
        Map<String, List<String>> byId = new HashMap<>();
        index.find(in("_id", ids)).forEach(bucket -> byId.put(bucket.getString("_id"),
                bucket.getList("entries", String.class)));
        for (String id : ids) {
            byId.getOrDefault(id, List.of()).stream().sorted(order).filter(this::wanted).forEach(entries::add);
        }
    }

    private boolean wanted(String entry) {
        long stored = SeriesKeys.storedMillisOf(entry);
        return (since == null || stored > since.toEpochMilli())
                && (until == null || stored <= until.toEpochMilli())
                && (after == null || order.compare(entry, after) > 0);
    }
}
