package io.learnstack.query.awards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JWS in compact serialisation, taken apart but not yet trusted.
 *
 * @param signingInput the first two parts as sent, what the signature covers
 * @param header       the protected header
 * @param payload      the payload, here the credential
 * @param signature    the signature bytes
 */
record CompactJws(String signingInput, JsonNode header, JsonNode payload, byte[] signature) {

    /** @throws MalformedCredentialException unless the text is three base64url parts, two of them JSON objects */
    static CompactJws parse(ObjectMapper json, String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedCredentialException("a VC-JWT has three parts separated by '.', this has " + parts.length);
        }
        return new CompactJws(parts[0] + "." + parts[1], object(json, parts[0], "header"),
                object(json, parts[1], "payload"), decode(parts[2], "signature"));
    }

    private static JsonNode object(ObjectMapper json, String part, String name) {
        try {
            JsonNode node = json.readTree(decode(part, name));
            if (node == null || !node.isObject()) {
                throw new MalformedCredentialException("the JWS " + name + " is not a JSON object");
            }
            return node;
        } catch (IOException notJson) {
            throw new MalformedCredentialException("the JWS " + name + " is not JSON");
        }
    }

    private static byte[] decode(String part, String name) {
        try {
            return Base64.getUrlDecoder().decode(part.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            throw new MalformedCredentialException("the JWS " + name + " is not base64url");
        }
    }
}
