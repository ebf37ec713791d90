package io.learnstack.query.statements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code more} link of a list answer: the query's own parameters and where the page ended, carried
 * in the link itself so any query-service instance can answer it. The tenant is never taken from it:
 * it always comes from the caller's credentials. The link is bound to the tenant it was made for (by a
 * digest, not the name), so another tenant's caller gets "not valid" and learns nothing from it.
 */
@Component
class MoreCursor {

    private static final String AFTER = "\u0000after";
    private static final String TENANT = "\u0000tenant";

    private final ObjectMapper json;

    MoreCursor(ObjectMapper json) {
        this.json = json;
    }

    String encode(String tenant, Map<String, String> parameters, String lastEntry) {
        Map<String, String> state = new TreeMap<>(parameters);
        state.put(AFTER, lastEntry);
        state.put(TENANT, tenantMark(tenant));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(state));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * @return the original parameters, and under {@link #afterOf} the entry the previous page ended with
     */
    Map<String, String> decode(String tenant, String token) {
        try {
            Map<String, String> state = json.readValue(Base64.getUrlDecoder().decode(token),
                    new TypeReference<TreeMap<String, String>>() { });
            if (state.get(AFTER) == null || !tenantMark(tenant).equals(state.remove(TENANT))) {
                throw new InvalidQueryException("the more token is not valid");
            }
            return state;
        } catch (IOException | IllegalArgumentException invalid) {
            throw new InvalidQueryException("the more token is not valid");
        }
    }

    /** Names the tenant without spelling it out in a link that may be pasted anywhere. */
    private static String tenantMark(String tenant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("more|" + tenant).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", impossible);
        }
    }

    static String afterOf(Map<String, String> decoded) {
        return decoded.get(AFTER);
    }

    static Map<String, String> parametersOf(Map<String, String> decoded) {
        Map<String, String> parameters = new TreeMap<>(decoded);
        parameters.remove(AFTER);
        return parameters;
    }
}
