package io.learnstack.command.awards;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A tenant's Ed25519 signing key pair. Its id is the RFC 7638 thumbprint of the public key, so the same
 * key always has the same id wherever it is computed.
 *
 * @param tenant     the tenant whose credentials it signs
 * @param privateKey the private half; it stays in the key store
 * @param publicKey  the public half, published as a JSON Web Key
 */
record IssuerKey(String tenant, PrivateKey privateKey, PublicKey publicKey) {

    static final String ALGORITHM = "Ed25519";

    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final int X509_PREFIX_LENGTH = 12;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static IssuerKey generate(String tenant) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new IssuerKey(tenant, pair.getPrivate(), pair.getPublic());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("the JDK offers no Ed25519", missing);
        }
    }

    /** Rebuilds a key pair from its PKCS#8 (private) and X.509 (public) encodings. */
    static IssuerKey decode(String tenant, byte[] pkcs8, byte[] x509) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new IssuerKey(tenant, factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    factory.generatePublic(new X509EncodedKeySpec(x509)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException unreadable) {
            throw new IllegalStateException("the stored issuer key of tenant '" + tenant + "' is unreadable", unreadable);
        }
    }

    /** The public key's {@code x} parameter: the raw key, base64url-encoded. */
    String x() {
        byte[] encoded = publicKey.getEncoded();
        return BASE64URL.encodeToString(Arrays.copyOfRange(encoded, X509_PREFIX_LENGTH, encoded.length));
    }

    /** The key's id: the base64url SHA-256 of the JWK's required members in lexical order (RFC 7638). */
    String keyId() {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x() + "\"}";
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    /** The public key as a JSON Web Key (RFC 8037), with its id and use. */
    String publicJwk() {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x() + "\",\"kid\":\"" + keyId()
                + "\",\"alg\":\"EdDSA\",\"use\":\"sig\"}";
    }

    @Override
    public String toString() {
        // the private half never goes into a log
        return "IssuerKey[" + tenant + ", " + keyId() + "]";
    }
}
