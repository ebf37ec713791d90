package io.learnstack.projector.bus;

import java.io.InterruptedIOException;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

/**
 * Tells a failure that goes away by itself from one that every further try of the same record would
 * meet again. The first kind is retried for as long as it takes: nothing may be skipped because the
 * read-model server was away. The second kind would stall the partition forever, so its record is set
 * aside on the dead-letter topic.
 */
final class Failures {

    /**
     * Server codes for a write refused for what it contains, whatever the server's state: bad value (2),
     * field names the server refuses (52, 55, 56, 57), a document over the BSON size limit (10334, 17419,
     * 17420).
     */
    private static final Set<Integer> REFUSED_CONTENT = Set.of(2, 52, 55, 56, 57, 10334, 17419, 17420);

    private Failures() {
    }

    /** Whether trying the same record again would fail the same way. */
    static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Error || cause instanceof InterruptedException
                    || cause instanceof InterruptedIOException || cause instanceof MongoInterruptedException) {
                return false;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoWriteException write) {
                return REFUSED_CONTENT.contains(write.getError().getCode());
            }
            if (cause instanceof MongoBulkWriteException bulk) {
                return !bulk.getWriteErrors().isEmpty() && bulk.getWriteErrors().stream()
                        .map(BulkWriteError::getCode).allMatch(REFUSED_CONTENT::contains);
            }
            if (cause instanceof MongoCommandException command) {
                return REFUSED_CONTENT.contains(command.getErrorCode());
            }
            if (cause instanceof MongoException) {
                // Unreachable server, timeout, election, duplicate key of a racing writer: the server, not the record.
                return false;
            }
        }
        // Undecodable JSON, an event a projection refuses, a document over the driver's size limit.
        return true;
    }
}
