package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An xAPI statement was accepted and stored by the LRS.
 * <p>
 * This is the record of truth for the statement resource: {@code statement} holds the normalised
 * statement exactly as the LRS will return it (id, stored, timestamp, authority and version filled in).
 *
 * @param tenant      the tenant (RTO) that owns the statement
 * @param statementId the statement's UUID, lower case
 * @param learnerKey  canonical identifier of the statement's actor; personal data
 * @param verbId      the verb IRI
 * @param objectType  the object's type: Activity, Agent, Group, StatementRef or SubStatement
 * @param objectId    the object's id: an activity IRI, a statement id, an agent's canonical identifier
 *                    (as {@code learnerKey} gives it), or {@code null} for a SubStatement
 * @param registration the context registration UUID, or {@code null} when the statement has none
 * @param timestamp   when the experience happened, as given by the statement
 * @param stored      when the LRS accepted the statement
 * @param statement   the normalised statement as JSON text; contains personal data
 * @since 0.1
 */
@Revision("1")
public record StatementRecorded(
        String tenant,
        String statementId,
        String learnerKey,
        String verbId,
        String objectType,
        String objectId,
        String registration,
        Instant timestamp,
        Instant stored,
        String statement) implements LearnerEvent {
}
