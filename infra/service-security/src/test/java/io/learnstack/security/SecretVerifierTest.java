package io.learnstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SecretVerifierTest {

    // Cost 4, the least BCrypt allows, keeps the test fast; production hashes use 10.
    private static final BCryptPasswordEncoder CHEAP = new BCryptPasswordEncoder(4);

    private final ClientProperties.Entry hashed = new ClientProperties.Entry("rto-a", "content", null,
            CHEAP.encode("s3cret"), List.of("xapi"));

    @Test
    void theRightSecretMatchesItsHash() {
        SecretVerifier verifier = new SecretVerifier();

        assertThat(verifier.matches(hashed, "s3cret")).isTrue();
        assertThat(verifier.matches(hashed, "s3cret")).isTrue();
        assertThat(verifier.cached()).isEqualTo(1);
    }

    @Test
    void aWrongSecretIsNeitherAcceptedNorRemembered() {
        SecretVerifier verifier = new SecretVerifier();
        verifier.matches(hashed, "s3cret");

        assertThat(verifier.matches(hashed, "s3cret ")).isFalse();
        assertThat(verifier.matches(hashed, "")).isFalse();
        assertThat(verifier.cached()).isEqualTo(1);
    }

    @Test
    void aRememberedSecretDoesNotOpenAnotherKey() {
        SecretVerifier verifier = new SecretVerifier();
        ClientProperties.Entry other = new ClientProperties.Entry("rto-b", "other", null, CHEAP.encode("0ther"),
                List.of("xapi"));
        verifier.matches(hashed, "s3cret");

        assertThat(verifier.matches(other, "s3cret")).isFalse();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        SecretVerifier verifier = new SecretVerifier(2);
        for (int i = 0; i < 4; i++) {
            ClientProperties.Entry entry = new ClientProperties.Entry("rto", "key" + i, null, CHEAP.encode("s" + i),
                    List.of("xapi"));
            assertThat(verifier.matches(entry, "s" + i)).isTrue();
        }

        assertThat(verifier.cached()).isEqualTo(2);
    }

    @Test
    void aHashWinsOverAPlainTextSecret() {
        SecretVerifier verifier = new SecretVerifier();
        ClientProperties.Entry both = new ClientProperties.Entry("rto-a", "content", "plain", CHEAP.encode("s3cret"),
                List.of("xapi"));

        assertThat(verifier.matches(both, "s3cret")).isTrue();
        assertThat(verifier.matches(both, "plain")).isFalse();
    }

    @Test
    void aPlainTextSecretIsStillAccepted() {
        SecretVerifier verifier = new SecretVerifier();
        ClientProperties.Entry plain = new ClientProperties.Entry("rto-a", "content", "s3cret", List.of("xapi"));

        assertThat(verifier.matches(plain, "s3cret")).isTrue();
        assertThat(verifier.matches(plain, "wrong")).isFalse();
    }

    @Test
    void aSecretLongerThanBcryptReadsIsRefusedNotAnError() {
        String longSecret = "s3cret" + "x".repeat(100);

        assertThat(new SecretVerifier().matches(hashed, longSecret)).isFalse();
        assertThat(new SecretVerifier().matches(null, longSecret)).isFalse();
    }

    @Test
    void anUnknownKeyNeverMatches() {
        assertThat(new SecretVerifier().matches(null, "s3cret")).isFalse();
    }
}
