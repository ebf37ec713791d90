package io.learnstack.query.documents;

import io.learnstack.events.DocumentKind;

/**
 * The documents one request is about: a resource and the activity and/or agent that scope it.
 *
 * @param kind       the document resource
 * @param activityId the activity IRI, for states and activity profiles
 * @param agentKey   the agent's canonical key, for states and agent profiles
 */
record DocumentScope(DocumentKind kind, String activityId, String agentKey) {
}
