package io.learnstack.projector.documents;

import io.learnstack.events.DocumentAddress;

/**
 * Ids of the document read model. A scope is what a list GET names: an activity and an agent for
 * states (every registration), an activity for activity profiles, an agent for agent profiles. A
 * document's id is its scope's id followed by its entry, and the entry is also the field under which
 * the scope document lists it.
 * <p>
 * Every free-form part is escaped, so {@code |} only ever separates parts and an entry holds neither
 * {@code .} nor {@code $}, which MongoDB field names cannot carry.
 */
final class DocumentKeys {

    private DocumentKeys() {
    }

    static String scope(String tenant, DocumentAddress address) {
        return switch (address.kind()) {
            case STATE -> "state|" + escape(tenant) + "|" + escape(address.activityId()) + "|"
                    + escape(address.agentKey());
            case ACTIVITY_PROFILE -> "activity-profile|" + escape(tenant) + "|" + escape(address.activityId());
            case AGENT_PROFILE -> "agent-profile|" + escape(tenant) + "|" + escape(address.agentKey());
        };
    }

    static String document(String tenant, DocumentAddress address) {
        return scope(tenant, address) + "|" + entry(address.documentId(), address.registration());
    }

    /** A document within its scope: its id, and for a state its registration when it has one. */
    static String entry(String documentId, String registration) {
        return escape(documentId) + (registration == null ? "" : "|" + escape(registration));
    }

    /**
     * Percent-escapes the characters ids and field names reserve. An empty part becomes a lone
     * {@code %}, which no escaped text contains, so it never leaves an empty field name behind.
     */
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
