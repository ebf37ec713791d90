package io.learnstack.command.xapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks the signature of a signed statement (xAPI 1.0.3 Data 2.6, 2.0.0 section 4.2.7): a JSON Web
 * Signature (RFC 7515) in compact serialization, sent as the content of an attachment with usageType
 * {@value #USAGE_TYPE}.
 * <ul>
 *   <li>the algorithm must be RS256, RS384 or RS512;</li>
 *   <li>the payload must be the statement as it was before the signature attachment was added, compared
 *       by the statement comparison rules of {@link StatementFingerprint} (the properties the LRS assigns
 *       are not compared, durations to hundredths of a second, and so on); an id in the payload must be
 *       the statement's id;</li>
 *   <li>when the header carries an X.509 certificate chain ({@code x5c}), the signature must verify with
 *       the public key of its first certificate. Without one the LRS has no key to check the signature
 *       with, and accepts it as it is; whether to trust the signer is the reader's decision anyway.</li>
 * </ul>
 * Instances hold no state and may be shared.
 */
public final class StatementSignature {

    /** The usageType of an attachment that holds a statement's signature. */
    public static final String USAGE_TYPE = "http://adlnet.gov/expapi/attachments/signature";
    /** The contentType a signature attachment must have. */
    public static final String CONTENT_TYPE = "application/octet-stream";

    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA",
            "RS384", "SHA384withRSA",
            "RS512", "SHA512withRSA");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param statement the statement as the client sent it, with its signature attachment
     * @param jws       the content of the signature attachment
     * @param path      where the statement is in the request, for messages, e.g. "statement[1]"
     * @throws InvalidStatementException when the signature is malformed, uses another algorithm, does not
     *                                   verify, or signs something other than the statement
     */
    public void verify(JsonNode statement, byte[] jws, String path) {
        String[] segments = new String(jws, StandardCharsets.US_ASCII).trim().split("\\.", -1);
        if (segments.length != 3) {
            throw invalid(path, "is not a JSON Web Signature in compact serialization (header.payload.signature)");
        }
        JsonNode header = decodeJson(segments[0], path, "header");
        String algorithm = header.path("alg").asText("");
        String javaAlgorithm = ALGORITHMS.get(algorithm);
        if (javaAlgorithm == null) {
            throw invalid(path, "must use the algorithm RS256, RS384 or RS512, not " + (algorithm.isEmpty()
                    ? "none" : "\"" + algorithm + "\""));
        }
        JsonNode payload = decodeJson(segments[1], path, "payload");
        if (header.has("x5c")) {
            PublicKey key = firstCertificateKey(header.get("x5c"), path);
            byte[] signature = decode(segments[2], path, "signature");
            byte[] signingInput = (segments[0] + "." + segments[1]).getBytes(StandardCharsets.US_ASCII);
            if (!verifies(javaAlgorithm, key, signingInput, signature)) {
                throw invalid(path, "does not verify with the public key of the certificate in its x5c header");
            }
        }
        if (!signs(payload, statement)) {
            throw invalid(path, "signs a payload that is not this statement");
        }
    }

    private static boolean signs(JsonNode payload, JsonNode statement) {
        ObjectNode signed = withoutSignature(payload);
        ObjectNode sent = withoutSignature(statement);
        if (signed.hasNonNull("id") && !(sent.hasNonNull("id")
                && signed.get("id").asText().equalsIgnoreCase(sent.get("id").asText()))) {
            return false;
        }
        return StatementFingerprint.of(signed).equals(StatementFingerprint.of(sent));
    }

    /** The statement as it was before its signature attachment was added. */
    private static ObjectNode withoutSignature(JsonNode statement) {
        ObjectNode copy = ((ObjectNode) statement).deepCopy();
        if (copy.get("attachments") instanceof ArrayNode attachments) {
            ArrayNode others = copy.arrayNode();
            attachments.forEach(attachment -> {
                if (!USAGE_TYPE.equals(attachment.path("usageType").asText())) {
                    others.add(attachment);
                }
            });
            if (others.isEmpty()) {
                copy.remove("attachments");
            } else {
                copy.set("attachments", others);
            }
        }
        return copy;
    }

    private static PublicKey firstCertificateKey(JsonNode x5c, String path) {
        if (!x5c.isArray() || x5c.isEmpty() || !x5c.get(0).isTextual()) {
            throw invalid(path, "has an x5c header that is not an array of certificates");
        }
        try {
            byte[] der = Base64.getDecoder().decode(x5c.get(0).textValue());
            PublicKey key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            if (!(key instanceof RSAPublicKey)) {
                throw invalid(path, "has a certificate whose key is not an RSA key");
            }
            return key;
        } catch (IllegalArgumentException | CertificateException unreadable) {
            throw invalid(path, "has an x5c header whose first certificate cannot be read");
        }
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] signingInput, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException unverifiable) {
            return false;
        }
    }

    private static JsonNode decodeJson(String segment, String path, String what) {
        byte[] bytes = decode(segment, path, what);
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw invalid(path, "has a " + what + " that is not a JSON object");
            }
            return node;
        } catch (IOException malformed) {
            throw invalid(path, "has a " + what + " that is not valid JSON");
        }
    }

    private static byte[] decode(String segment, String path, String what) {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException malformed) {
            throw invalid(path, "has a " + what + " that is not base64url");
        }
    }

    private static InvalidStatementException invalid(String path, String problem) {
        return new InvalidStatementException(path + ": the signature " + problem);
    }
}
