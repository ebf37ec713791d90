package io.learnstack.command.xapi;

import static io.learnstack.command.xapi.XapiJson.object;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StatementSignatureTest {

    private static final String STATEMENT = """
            {"id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
             "actor": {"mbox": "mailto:ada@example.org"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-AU": "passed"}},
             "object": {"id": "https://rto.example/units/HLTAID011"},
             "result": {"duration": "PT1M2.12S"}}""";
    private static final String SIGNATURE_ATTACHMENT = """
            {"usageType": "http://adlnet.gov/expapi/attachments/signature", "display": {"en-AU": "signature"},
             "contentType": "application/octet-stream", "length": 512, "sha2": "%s"}""".formatted("ab".repeat(32));

    // A self-signed test key, made with: keytool -genkeypair -alias signer -keyalg RSA -keysize 2048
    //   -storetype PKCS12 -keystore test-signer.p12 -storepass test-only -dname "CN=Learnstack test signer"
    private static final KeyStore SIGNER = load("test-signer.p12", "test-only");

    private final StatementSignature signatures = new StatementSignature();

    @Nested
    class Accepted {

        @Test
        void anRs256SignatureThatVerifiesWithItsCertificate() throws Exception {
            String jws = sign("RS256", "SHA256withRSA", true, STATEMENT);

            assertThatCode(() -> verify(signed(STATEMENT), jws)).doesNotThrowAnyException();
        }

        @Test
        void rs384AndRs512() throws Exception {
            assertThatCode(() -> verify(signed(STATEMENT), sign("RS384", "SHA384withRSA", true, STATEMENT)))
                    .doesNotThrowAnyException();
            assertThatCode(() -> verify(signed(STATEMENT), sign("RS512", "SHA512withRSA", true, STATEMENT)))
                    .doesNotThrowAnyException();
        }

        @Test
        void aSignatureWithoutCertificateWhosePayloadIsTheStatement() throws Exception {
            assertThatCode(() -> verify(signed(STATEMENT), sign("RS256", "SHA256withRSA", false, STATEMENT)))
                    .doesNotThrowAnyException();
        }

        @Test
        void aPayloadThatDiffersOnlyWhereStatementComparisonDoesNotLook() throws Exception {
            // given: the payload as the client signed it, without the properties the LRS assigns
            String payload = STATEMENT.replace("\"id\": \"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\",", "");
            // and the statement sent with a duration beyond hundredths and an upper-case id
            String sent = STATEMENT.replace("PT1M2.12S", "PT1M2.1299S").replace("6690e6c9", "6690E6C9");

            assertThatCode(() -> verify(signed(sent), sign("RS256", "SHA256withRSA", true, payload)))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class Refused {

        @Test
        void anotherAlgorithm() throws Exception {
            String jws = encode("{\"alg\":\"HS256\"}") + "." + encode(STATEMENT) + ".c2lnbmF0dXJl";

            assertThatThrownBy(() -> verify(signed(STATEMENT), jws)).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("RS256, RS384 or RS512").hasMessageContaining("HS256");
        }

        @Test
        void aTamperedPayload() throws Exception {
            // given: a valid signature whose payload is then replaced by another statement
            String[] jws = sign("RS256", "SHA256withRSA", true, STATEMENT).split("\\.");
            String other = STATEMENT.replace("passed", "failed");
            String tampered = jws[0] + "." + encode(other) + "." + jws[2];

            assertThatThrownBy(() -> verify(signed(other), tampered)).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("does not verify");
        }

        @Test
        void aValidSignatureOfAnotherStatement() throws Exception {
            String jws = sign("RS256", "SHA256withRSA", true, STATEMENT);
            String sent = STATEMENT.replace("HLTAID011", "HLTAID012");

            assertThatThrownBy(() -> verify(signed(sent), jws)).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("not this statement");
        }

        @Test
        void aPayloadWithAnotherId() throws Exception {
            String jws = sign("RS256", "SHA256withRSA", true, STATEMENT);
            String sent = STATEMENT.replace("6690e6c9", "7790e6c9");

            assertThatThrownBy(() -> verify(signed(sent), jws)).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("not this statement");
        }

        @Test
        void aPayloadThatIsNotJson() throws Exception {
            String jws = encode("{\"alg\":\"RS256\"}") + "." + encode("{'id\":1}") + ".c2lnbmF0dXJl";

            assertThatThrownBy(() -> verify(signed(STATEMENT), jws)).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("payload that is not valid JSON");
        }

        @Test
        void somethingThatIsNotACompactJws() {
            assertThatThrownBy(() -> verify(signed(STATEMENT), "just text")).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("compact serialization");
        }
    }

    private void verify(JsonNode statement, String jws) {
        signatures.verify(statement, jws.getBytes(StandardCharsets.US_ASCII), "statement");
    }

    /** The statement as a client sends it: with its signature attachment. */
    private static ObjectNode signed(String statement) {
        ObjectNode sent = object(statement);
        sent.putArray("attachments").add(object(SIGNATURE_ATTACHMENT));
        return sent;
    }

    private static KeyStore load(String resource, String password) {
        try (InputStream in = StatementSignatureTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (Exception unreadable) {
            throw new IllegalStateException("the test key store cannot be read", unreadable);
        }
    }

    private static String sign(String algorithm, String javaAlgorithm, boolean withCertificate, String payload)
            throws Exception {
        X509Certificate certificate = (X509Certificate) SIGNER.getCertificate("signer");
        String header = withCertificate
                ? "{\"alg\":\"" + algorithm + "\",\"x5c\":[\""
                        + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}"
                : "{\"alg\":\"" + algorithm + "\"}";
        String signingInput = encode(header) + "." + encode(payload);
        Signature signer = Signature.getInstance(javaAlgorithm);
        signer.initSign((PrivateKey) SIGNER.getKey("signer", "test-only".toCharArray()));
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
