package io.learnstack.command.xapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Canonical identifiers of Agents and Groups, the "learner keys" events and read models are keyed by.
 * <p>
 * An Agent or identified Group is keyed by its inverse functional identifier:
 * <ul>
 *   <li>{@code mbox:<mailto IRI as sent>}, e.g. {@code mbox:mailto:ada@example.org};</li>
 *   <li>{@code mbox_sha1sum:<hex digest, lower case>};</li>
 *   <li>{@code openid:<URI as sent>};</li>
 *   <li>{@code account:<homePage>|<name>}, both as sent.</li>
 * </ul>
 * The mbox is kept exactly as sent (no case folding) because the query side builds the same keys
 * from agent filters the same way. An anonymous Group has no identifier of its own; it is keyed
 * {@code group:<hex SHA-256>} over the UTF-8 bytes of its members' keys, sorted and joined by a line feed,
 * so the order members are listed in does not matter.
 */
public final class Actors {

    private Actors() {
    }

    /**
     * @param agentOrGroup a valid Agent or Group
     * @return its learner key
     * @throws IllegalArgumentException when the node is not an identifiable Agent or Group
     */
    public static String learnerKey(JsonNode agentOrGroup) {
        if (agentOrGroup == null || !agentOrGroup.isObject()) {
            throw new IllegalArgumentException("an Agent or Group must be a JSON object");
        }
        List<String> keys = identifierKeys(agentOrGroup);
        if (keys.size() == 1) {
            return keys.get(0);
        }
        if (keys.isEmpty() && "Group".equals(agentOrGroup.path("objectType").asText())
                && agentOrGroup.path("member").isArray() && !agentOrGroup.path("member").isEmpty()) {
            List<String> members = new ArrayList<>();
            for (JsonNode member : agentOrGroup.get("member")) {
                members.add(learnerKey(member));
            }
            members.sort(null);
            return "group:" + sha256Hex(String.join("\n", members));
        }
        throw new IllegalArgumentException(keys.isEmpty()
                ? "an Agent or identified Group needs one of mbox, mbox_sha1sum, openid, account; "
                        + "an anonymous Group needs members"
                : "an Agent or Group must have exactly one of mbox, mbox_sha1sum, openid, account");
    }

    /**
     * The learner key of a statement's object when that object is an Agent or a Group.
     *
     * @return the key, or empty for Activities, StatementRefs and SubStatements
     */
    public static Optional<String> learnerKeyOfObject(JsonNode statement) {
        JsonNode object = statement == null ? null : statement.get("object");
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        String objectType = object.path("objectType").asText("");
        if (objectType.equals("Agent") || objectType.equals("Group")) {
            return Optional.of(learnerKey(object));
        }
        return Optional.empty();
    }

    private static List<String> identifierKeys(JsonNode node) {
        List<String> keys = new ArrayList<>(1);
        if (node.hasNonNull("mbox")) {
            keys.add("mbox:" + node.get("mbox").asText());
        }
        if (node.hasNonNull("mbox_sha1sum")) {
            keys.add("mbox_sha1sum:" + node.get("mbox_sha1sum").asText().toLowerCase(Locale.ROOT));
        }
        if (node.hasNonNull("openid")) {
            keys.add("openid:" + node.get("openid").asText());
        }
        if (node.hasNonNull("account")) {
            JsonNode account = node.get("account");
            if (!account.path("homePage").isTextual() || !account.path("name").isTextual()) {
                throw new IllegalArgumentException("an account needs a homePage and a name");
            }
            keys.add("account:" + account.get("homePage").asText() + "|" + account.get("name").asText());
        }
        return keys;
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(impossible);
        }
    }
}
