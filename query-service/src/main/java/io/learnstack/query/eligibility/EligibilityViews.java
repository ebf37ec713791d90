package io.learnstack.query.eligibility;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

/**
 * What the read model's rows become in answers. {@code expiring} is decided here, at read time, from the
 * award's {@code validUntil} and the reader's window, since it moves with the clock: stored, it would
 * make a rebuild give other data than the live run.
 */
final class EligibilityViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private EligibilityViews() {
    }

    /** The status to show: an issued award that expires before {@code expiringBefore} is expiring. */
    static String status(Document row, Instant expiringBefore) {
        String status = row.getString("status");
        String validUntil = row.getString("validUntil");
        if ("issued".equals(status) && validUntil != null && !Instant.parse(validUntil).isAfter(expiringBefore)) {
            return "expiring";
        }
        return status;
    }

    /** Whether a row answers a {@code status} filter; {@code nearly} is in progress with one leaf missing. */
    static boolean matches(Document row, String filter, Instant expiringBefore) {
        if (filter == null) {
            return true;
        }
        String status = row.getString("status");
        return switch (filter) {
            case "nearly" -> "in-progress".equals(status) && row.getList("missing", Document.class, List.of()).size() == 1;
            case "expiring" -> "expiring".equals(status(row, expiringBefore));
            default -> filter.equals(status);
        };
    }

    /** Issued awards of a credential whose {@code validUntil} is within [from, to]. */
    static List<Document> expiring(String credentialId, Document rows, Instant from, Instant to) {
        List<Document> expiring = new ArrayList<>();
        for (Object value : rows.values()) {
            Document row = (Document) value;
            String validUntil = row.getString("validUntil");
            if ("issued".equals(row.getString("status")) && validUntil != null) {
                Instant until = Instant.parse(validUntil);
                if (!until.isBefore(from) && !until.isAfter(to)) {
                    expiring.add(new Document("learner", row.getString("learner")).append("credentialId", credentialId)
                            .append("awardId", row.getString("awardId")).append("validUntil", validUntil));
                }
            }
        }
        return expiring;
    }

    /**
     * How many learners became eligible, were issued, expired or were revoked in each period (UTC), from
     * the event times the rows keep: every award's eligibility, issue, expiry and revocation, and the
     * eligibility of those not issued yet.
     */
    static List<Document> counts(String credentialId, Document rows, boolean daily) {
        DateTimeFormatter format = daily ? DAY : MONTH;
        Map<String, int[]> byPeriod = new TreeMap<>();
        for (Object value : rows.values()) {
            Document row = (Document) value;
            Set<String> eligible = new LinkedHashSet<>();
            if ("eligible".equals(row.getString("status")) && row.getString("eligibleAt") != null) {
                eligible.add(row.getString("eligibleAt"));
            }
            for (Document award : row.getList("awards", Document.class, List.of())) {
                if (award.getString("eligibleAt") != null) {
                    eligible.add(award.getString("eligibleAt"));
                }
                count(byPeriod, format, award.getString("validFrom"), 1);
                count(byPeriod, format, award.getString("expired"), 2);
                count(byPeriod, format, award.getString("revoked"), 3);
            }
            eligible.forEach(at -> count(byPeriod, format, at, 0));
        }
        List<Document> counted = new ArrayList<>();
        byPeriod.forEach((period, n) -> counted.add(new Document("period", period).append("credentialId", credentialId)
                .append("eligible", n[0]).append("issued", n[1]).append("expired", n[2]).append("revoked", n[3])));
        return counted;
    }

    private static void count(Map<String, int[]> byPeriod, DateTimeFormatter format, String at, int column) {
        if (at != null) {
            byPeriod.computeIfAbsent(format.format(Instant.parse(at)), period -> new int[4])[column]++;
        }
    }

    /** Rows in learner order, the ones after {@code after} (exclusive) when it is given. */
    static List<Document> sortedAfter(List<Document> rows, String after) {
        return rows.stream().filter(row -> after == null || row.getString("learner").compareTo(after) > 0)
                .sorted(Comparator.comparing(row -> row.getString("learner"))).toList();
    }
}
