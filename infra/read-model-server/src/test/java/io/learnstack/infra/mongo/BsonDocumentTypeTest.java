package io.learnstack.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

    private static Document everyType() {
        return new Document("_id", new ObjectId("5f1a2b3c4d5e6f7a8b9c0d1e"))
                .append("string", "grüße 😀").append("empty", "").append("int", Integer.MIN_VALUE)
                .append("long", Long.MAX_VALUE).append("double", -0.0).append("infinity", Double.POSITIVE_INFINITY)
                .append("true", true).append("false", false).append("null", null)
                .append("date", Instant.ofEpochMilli(-1_000_123L))
                .append("binary", new BinData(new byte[] {0, -1, 7}))
                .append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .append("legacyUuid", new LegacyUUID(1L, -2L))
                .append("decimal", new Decimal128(new java.math.BigDecimal("-12345.678901234567890")))
                .append("nested", new Document("a", new Document("b", List.of(1, "two", new Document(), List.of()))))
                .append("array", List.of(List.of(1L), new Document("x", null)))
                .append("minKey", MinKey.getInstance()).append("maxKey", MaxKey.getInstance())
                .append("regex", new BsonRegularExpression("^a.*b$", "im"))
                .append("timestamp", new BsonTimestamp(1_700_000_000L << 32 | 42))
                .append("javaScript", new BsonJavaScript("function() { return 1; }"));
    }

    @Test
    void readsBackWhatTheWireDecoderWouldGive() {
        Document document = everyType();
        ByteBuffer written = write(document);

        Document read = BsonDocumentType.INSTANCE.read(written.duplicate());
        Document decoded = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(written.duplicate()));
        assertThat(withoutRegex(read)).isEqualTo(withoutRegex(document)).isEqualTo(withoutRegex(decoded));
        // No equals of its own.
        BsonRegularExpression regex = (BsonRegularExpression) read.get("regex");
        assertThat(regex.getPattern()).isEqualTo("^a.*b$");
        assertThat(regex.getOptions()).isEqualTo("im");
    }

    private static Document withoutRegex(Document document) {
        Document copy = document.clone();
        copy.remove("regex");
        return copy;
    }

    @Test
    void readsDocumentsFromAPageOneAfterTheOther() {
        WriteBuffer page = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(page, everyType());
        BsonDocumentType.INSTANCE.write(page, new Document("_id", 2));
        ByteBuffer read = page.getBuffer().flip();

        assertThat(withoutRegex(BsonDocumentType.INSTANCE.read(read))).isEqualTo(withoutRegex(everyType()));
        assertThat(BsonDocumentType.INSTANCE.read(read)).isEqualTo(new Document("_id", 2));
        assertThat(read.hasRemaining()).isFalse();
    }

    @Test
    void keepsADocumentThatGrewBeyondTheWireLimitReadable() {
        Document large = new Document("_id", 1).append("text", "x".repeat(17 * 1024 * 1024));

        assertThat(BsonDocumentType.INSTANCE.read(write(large))).isEqualTo(large);
    }

    @Test
    void refusesAValueBsonCannotHoldBeforeItReachesAPage() {
        assertThatThrownBy(() -> BsonDocumentType.requireStorable(
                new Document("_id", 1).append("nested", new Document("when", new java.util.Date()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.Date");
        assertThatThrownBy(() -> BsonDocumentType.requireStorable(new Document("_id", Missing.getInstance())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteBuffer write(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        return buffer.getBuffer().flip();
    }
}
