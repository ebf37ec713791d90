package io.learnstack.projector.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InterruptedIOException;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonMaximumSizeExceededException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;

class FailuresTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

    @Nested
    class Transient {

        @Test
        void anUnreachableReadModelServerIsRetried() {
            assertThat(Failures.permanent(new MongoSocketOpenException("refused", SERVER))).isFalse();
            assertThat(Failures.permanent(new MongoTimeoutException("no server selected"))).isFalse();
        }

        @Test
        void aMongoFailureWrappedByAProjectionIsStillRetried() {
            assertThat(Failures.permanent(new IllegalStateException("write failed",
                    new MongoTimeoutException("no server selected")))).isFalse();
        }

        @Test
        void anInterruptionIsRetried() {
            assertThat(Failures.permanent(new MongoInterruptedException("interrupted", null))).isFalse();
            assertThat(Failures.permanent(new IllegalStateException(new InterruptedException()))).isFalse();
            assertThat(Failures.permanent(new InterruptedIOException())).isFalse();
        }

        @Test
        void aDuplicateKeyOfARacingWriterIsRetried() {
            assertThat(Failures.permanent(writeRefused(11000))).isFalse();
        }

        @Test
        void anErrorOfTheJvmIsRetried() {
            assertThat(Failures.permanent(new RuntimeException(new OutOfMemoryError()))).isFalse();
        }

        @Test
        void aCommandFailingOnTheServersStateIsRetried() {
            assertThat(Failures.permanent(new MongoCommandException(
                    BsonDocument.parse("{ok: 0, code: 189, errmsg: 'primary stepped down'}"), SERVER))).isFalse();
        }
    }

    @Nested
    class Permanent {

        @Test
        void undecodableJsonCanNeverBeApplied() {
            Throwable failure = catchThrowable(() -> new ObjectMapper().readTree("{not json"));

            assertThat(failure).isInstanceOf(JsonParseException.class);
            assertThat(Failures.permanent(failure)).isTrue();
        }

        @Test
        void anEventAProjectionRefusesCanNeverBeApplied() {
            assertThat(Failures.permanent(new IllegalArgumentException("no statement id"))).isTrue();
            assertThat(Failures.permanent(new NullPointerException())).isTrue();
        }

        @Test
        void aDocumentOverTheSizeLimitCanNeverBeApplied() {
            assertThat(Failures.permanent(new BsonMaximumSizeExceededException("too large"))).isTrue();
            assertThat(Failures.permanent(writeRefused(10334))).isTrue();
            assertThat(Failures.permanent(new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                    List.of(new BulkWriteError(17419, "too large", new BsonDocument(), 0)), null, SERVER,
                    Set.of()))).isTrue();
        }

        @Test
        void aBulkWriteWithAnyOtherErrorIsNotTakenForPoison() {
            assertThat(Failures.permanent(new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                    List.of(new BulkWriteError(17419, "too large", new BsonDocument(), 0),
                            new BulkWriteError(11000, "duplicate key", new BsonDocument(), 1)),
                    null, SERVER, Set.of()))).isFalse();
        }
    }

    private static MongoWriteException writeRefused(int code) {
        return new MongoWriteException(new WriteError(code, "refused", new BsonDocument()), SERVER, Set.of());
    }
}
