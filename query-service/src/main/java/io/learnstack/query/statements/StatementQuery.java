package io.learnstack.query.statements;

import java.time.Instant;

/**
 * A list query on the statement resource, as the xAPI filters give it. Absent filters are {@code null}.
 *
 * @param agentKey     canonical identifier of the agent filter
 * @param verbId       verb IRI
 * @param activityId   activity IRI
 * @param registration registration UUID, lower case
 * @param relatedAgents     the agent filter also matches authority, context and SubStatement agents
 * @param relatedActivities the activity filter also matches context and SubStatement activities
 * @param since        only statements stored after this (exclusive)
 * @param until        only statements stored up to this (inclusive)
 * @param limit        page size
 * @param ascending    oldest first instead of newest first
 * @param format       ids, exact or canonical
 * @param attachments  whether attachments were asked for
 */
record StatementQuery(
        String agentKey,
        String verbId,
        String activityId,
        String registration,
        boolean relatedAgents,
        boolean relatedActivities,
        Instant since,
        Instant until,
        int limit,
        boolean ascending,
        String format,
        boolean attachments) {
}
