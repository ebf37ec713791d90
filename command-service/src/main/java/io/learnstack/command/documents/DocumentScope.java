package io.learnstack.command.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import io.learnstack.events.DocumentAddress;
import io.learnstack.events.DocumentKind;

/**
 * The documents a tenant keeps under one resource for one activity, agent and registration: a state
 * set, an activity's profiles or an agent's profiles. One aggregate decides every write to a scope.
 *
 * @param tenant       the tenant (RTO)
 * @param kind         the document resource
 * @param activityId   the activity IRI for states and activity profiles, otherwise {@code null}
 * @param agentKey     the agent's learner key for states and agent profiles, otherwise {@code null}
 * @param registration the states' registration UUID in lower case, or {@code null}
 */
record DocumentScope(String tenant, DocumentKind kind, String activityId, String agentKey, String registration) {

    DocumentScope {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
    }

    static DocumentScope of(String tenant, DocumentAddress address) {
        return new DocumentScope(tenant, address.kind(), address.activityId(), address.agentKey(),
                address.registration());
    }

    DocumentAddress address(String documentId) {
        return new DocumentAddress(kind, activityId, agentKey, registration, documentId);
    }

    /**
     * The scope's aggregate identifier: the resource, then a digest of everything else, because IRIs and
     * agent keys together can outgrow the event store's identifier column. The registration is left out:
     * one aggregate holds an activity and agent's states of every registration, because a DELETE without
     * a registration removes them all.
     */
    String aggregateId() {
        StringBuilder key = new StringBuilder();
        for (String part : new String[] {tenant, activityId, agentKey}) {
            // a marker per part keeps null apart from any text, and the length keeps parts apart
            key.append(part == null ? "-" : "+" + part.length() + ":" + part).append('\n');
        }
        return "documents/" + kind.name().toLowerCase(Locale.ROOT) + "/" + sha256Hex(key.toString());
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(impossible);
        }
    }
}
