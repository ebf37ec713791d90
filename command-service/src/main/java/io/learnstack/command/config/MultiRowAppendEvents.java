package io.learnstack.command.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Appends a unit of work's events with one multi-row {@code INSERT}, the same columns and values as
 * Axon's own statement. Axon's statement is a JDBC batch, which H2's network protocol sends as one
 * round trip per row; a request of 100 statements then spends most of its time on the wire. Very
 * large units of work fall back to Axon's statement, keeping the SQL within every database's limits
 * on parameters.
 */
class MultiRowAppendEvents implements AppendEventsStatementBuilder {

    static final int MAX_ROWS = 1000;
    private static final int COLUMNS = 9;

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
            List<? extends EventMessage<?>> events, Serializer serializer, TimestampWriter timestampWriter)
            throws SQLException {
        if (events.size() > MAX_ROWS) {
            return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                    timestampWriter);
        }
        String row = "(" + String.join(",", Collections.nCopies(COLUMNS, "?")) + ")";
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") VALUES "
                + String.join(",", Collections.nCopies(events.size(), row));
        PreparedStatement statement = connection.prepareStatement(sql);
        int column = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(++column, event.getIdentifier());
            statement.setString(++column, event.getAggregateIdentifier());
            statement.setLong(++column, event.getSequenceNumber());
            statement.setString(++column, event.getType());
            timestampWriter.writeTimestamp(statement, ++column, event.getTimestamp());
            statement.setString(++column, payload.getType().getName());
            statement.setString(++column, payload.getType().getRevision());
            statement.setObject(++column, payload.getData());
            statement.setObject(++column, metaData.getData());
        }
        // The engine runs the statement as a batch: this is its one entry.
        statement.addBatch();
        return statement;
    }
}
