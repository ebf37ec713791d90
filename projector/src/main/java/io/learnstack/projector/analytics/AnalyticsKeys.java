package io.learnstack.projector.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code _id}s of the analytics read model. A tenant's pathways are spread over
 * {@value #BUCKETS} bucket documents by a digest of the learner key, so every table is answered from
 * that many reads by {@code _id}, and no document grows with all of a large tenant's learners.
 * The query service computes the same ids.
 */
final class AnalyticsKeys {

    static final int BUCKETS = 64;

    private AnalyticsKeys() {
    }

    static String learner(String tenant, String learnerKey) {
        return tenant + "|" + learnerKey;
    }

    /** A learner's field within its bucket: learner keys can hold characters field names cannot. */
    static String learnerField(String learnerKey) {
        return digest(learnerKey).substring(0, 32);
    }

    static String bucket(String tenant, String learnerKey) {
        return tenant + "|" + bucketNumber(learnerKey);
    }

    static int bucketNumber(String learnerKey) {
        return Integer.parseInt(digest(learnerKey).substring(0, 2), 16) % BUCKETS;
    }

    private static String digest(String learnerKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(learnerKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
