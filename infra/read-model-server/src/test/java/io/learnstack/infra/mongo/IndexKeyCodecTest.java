package io.learnstack.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

class IndexKeyCodecTest {

    @Test
    void numbersOfDifferentTypesButEqualValueAreOneKey() {
        assertThat(encode(1)).isEqualTo(encode(1.0)).isEqualTo(encode(1L));
        assertThat(encode(-0.0)).isEqualTo(encode(0.0)).isEqualTo(encode(0));
        assertThat(encode(1)).isNotEqualTo(encode(2));
        assertThat(encode(1)).isNotEqualTo(encode("1"));
    }

    @Test
    void longsBeyondDoublePrecisionStayDistinctFromTheirNeighbours() {
        long big = (1L << 60) + 1;
        assertThat(encode(big)).isNotEqualTo(encode(big - 1)).isNotEqualTo(encode((double) big));
        assertOrdered(encode(big - 1), encode(big), encode(big + 1));
        assertThat(IndexKeyCodec.decode(encode(big)).get(0)).isEqualTo(big);
    }

    @Test
    void numbersSortByValueWithNanFirst() {
        assertOrdered(encode(Double.NaN), encode(Double.NEGATIVE_INFINITY), encode(-1e300), encode(-2), encode(-1.5),
                encode(0), encode(0.25), encode(1), encode(Long.MAX_VALUE / 2), encode(1e300),
                encode(Double.POSITIVE_INFINITY));
    }

    @Test
    void typesSortInMongoDbsOrder() {
        assertOrdered(encode(MinKey.getInstance()), encode((Object) null), encode(5), encode("a"),
                encode(new Document("a", 1)), encode(List.of(1)), encode(new BinData(new byte[] {1})),
                encode(new ObjectId()), encode(false), encode(true), encode(Instant.ofEpochMilli(0)),
                encode(new BsonTimestamp(1)), encode(MaxKey.getInstance()));
    }

    @Test
    void stringsSortWithPrefixesFirstAndSurviveAnyCharacter() {
        assertOrdered(encode(""), encode("a"), encode("a\u0001"), encode("ab"), encode("b"), encode("é"),
                encode("\u4e2d"));
        for (String text : List.of("", "plain", "with\u0000nul", "é and \u4e2d", "\ud83d\ude00 emoji",
                "lone \ud800 surrogate")) {
            assertThat(IndexKeyCodec.decode(encode(text)).get(0)).isEqualTo(text);
        }
    }

    @Test
    void documentsCompareFieldByFieldInTheirOrder() {
        Document ab = new Document("a", 1.0).append("b", 2.0);
        Document ba = new Document("b", 2.0).append("a", 1.0);
        assertThat(encode(ab)).isEqualTo(encode(new Document("a", 1).append("b", 2L)));
        assertThat(encode(ab)).isNotEqualTo(encode(ba));
        assertOrdered(encode(new Document()), encode(new Document("a", 1)), encode(new Document("a", 2)),
                encode(new Document("a", 2).append("b", 0)), encode(new Document("a", "x")),
                encode(new Document("b", "x")));
        // As in MongoDB, a field's type counts before its name.
        assertOrdered(encode(new Document("b", 1)), encode(new Document("a", "x")));
    }

    @Test
    void compoundKeysCompareValueByValue() {
        assertOrdered(IndexKeyCodec.encode(new KeyValue("a", 2)), IndexKeyCodec.encode(new KeyValue("a", 10)),
                IndexKeyCodec.encode(new KeyValue("ab", 1)));
    }

    @Test
    void everyKindOfValueRoundTrips() {
        Document nested = new Document("tenant", "demo").append("n", 3.0)
                .append("inner", new Document("list", List.of("x", 1.0, new Document("deep", true))));
        KeyValue key = new KeyValue(Arrays.asList("text", 42.0, Long.MAX_VALUE - 1, null, nested, List.of(1.0, "two"),
                true, false, new ObjectId(), Instant.parse("2026-11-24T20:00:00.123Z"), new BsonTimestamp(99L),
                UUID.randomUUID(), new BinData(new byte[] {0, 1, 2}), MinKey.getInstance(), MaxKey.getInstance(),
                Double.NaN, new java.util.Date(123_456_789L)));

        KeyValue decoded = IndexKeyCodec.decode(IndexKeyCodec.encode(key));

        assertThat(decoded).isEqualTo(key);
        assertThat(IndexKeyCodec.encode(decoded)).isEqualTo(IndexKeyCodec.encode(key));
    }

    private static byte[] encode(Object value) {
        List<Object> values = new ArrayList<>();
        values.add(value);
        return IndexKeyCodec.encode(new KeyValue(values));
    }

    private static void assertOrdered(byte[]... keys) {
        for (int i = 1; i < keys.length; i++) {
            assertThat(IndexKeyType.INSTANCE.compare(keys[i - 1], keys[i]))
                    .as("key %d sorts before key %d", i - 1, i).isNegative();
        }
    }
}
