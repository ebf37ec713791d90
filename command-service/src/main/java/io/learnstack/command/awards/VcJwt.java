package io.learnstack.command.awards;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signs a credential as a VC-JWT: a JWS in compact serialisation whose payload is the credential itself
 * (VC-JOSE-COSE), with header {@code alg} EdDSA, {@code kid} the issuer's key and {@code typ vc+jwt}.
 */
final class VcJwt {

    static final String TYPE = "vc+jwt";
    static final String ALGORITHM = "EdDSA";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private VcJwt() {
    }

    /**
     * @param kid the key's URL: the issuer's id, {@code #}, the key's id
     * @return {@code header.payload.signature}, each part base64url-encoded
     */
    static String sign(ObjectMapper json, ObjectNode credential, IssuerKey key, String kid) {
        ObjectNode header = json.createObjectNode().put("alg", ALGORITHM).put("kid", kid).put("typ", TYPE);
        try {
            String signingInput = BASE64URL.encodeToString(json.writeValueAsBytes(header)) + "."
                    + BASE64URL.encodeToString(json.writeValueAsBytes(credential));
            Signature signature = Signature.getInstance(IssuerKey.ALGORITHM);
            signature.initSign(key.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException failure) {
            throw new IllegalStateException("the credential could not be signed", failure);
        }
    }
}
