package io.learnstack.query.documents;

import io.learnstack.events.DocumentKind;

/**
 * Ids of the document read model, as the projector writes them. A scope is what a list GET names: an
 * activity and an agent for states (every registration), an activity for activity profiles, an agent
 * for agent profiles. A document's id is its scope's id followed by its entry, and the entry is also
 * the field under which the scope document lists it. Free-form parts are percent-escaped.
 */
final class DocumentKeys {

    private DocumentKeys() {
    }

    static String scope(String tenant, DocumentKind kind, String activityId, String agentKey) {
        return switch (kind) {
            case STATE -> "state|" + escape(tenant) + "|" + escape(activityId) + "|" + escape(agentKey);
            case ACTIVITY_PROFILE -> "activity-profile|" + escape(tenant) + "|" + escape(activityId);
            case AGENT_PROFILE -> "agent-profile|" + escape(tenant) + "|" + escape(agentKey);
        };
    }

    static String document(String tenant, DocumentKind kind, String activityId, String agentKey, String registration,
            String documentId) {
        return scope(tenant, kind, activityId, agentKey) + "|" + entry(documentId, registration);
    }

    static String entry(String documentId, String registration) {
        return escape(documentId) + (registration == null ? "" : "|" + escape(registration));
    }

    static String escape(String part) {
        if (part.isEmpty()) {
            return "%";
        }
        StringBuilder escaped = new StringBuilder(part.length() + 8);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            switch (c) {
                case '%' -> escaped.append("%25");
                case '|' -> escaped.append("%7C");
                case '.' -> escaped.append("%2E");
                case '$' -> escaped.append("%24");
                case '\0' -> escaped.append("%00");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
