package io.learnstack.query.awards;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an Ed25519 public key from its JSON Web Key (RFC 8037: kty OKP, crv Ed25519, x). */
final class Ed25519Jwk {

    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_LENGTH = 32;

    private Ed25519Jwk() {
    }

    /** @throws GeneralSecurityException when the JWK is not an Ed25519 public key */
    static PublicKey publicKey(JsonNode jwk) throws GeneralSecurityException {
        if (!"OKP".equals(jwk.path("kty").asText()) || !"Ed25519".equals(jwk.path("crv").asText())) {
            throw new GeneralSecurityException("not an Ed25519 JWK");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(jwk.path("x").asText());
        } catch (IllegalArgumentException notBase64) {
            throw new GeneralSecurityException("the JWK's x is not base64url");
        }
        if (raw.length != KEY_LENGTH) {
            throw new GeneralSecurityException("an Ed25519 key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = new byte[X509_PREFIX.length + KEY_LENGTH];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
