package io.learnstack.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientPropertiesTest {

    @Test
    void aHashThatIsNotBcryptIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new ClientProperties.Entry("rto", "content", null, "s3cret", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'content'")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aKeyWithoutAnySecretIsRefused() {
        assertThatThrownBy(() -> new ClientProperties.Entry("rto", "content", null, null, List.of()))
                .hasMessageContaining("needs a secret-hash");
    }

    @Test
    void aBcryptHashOrAPlainSecretIsAccepted() {
        assertThatCode(() -> new ClientProperties.Entry("rto", "demo", null,
                "$2a$10$xeHqrdGZ5y3siGaBlqr9zOyohV2.YY3VD12l5gtsnqDiS.gIGXcMO", List.of())).doesNotThrowAnyException();
        assertThatCode(() -> new ClientProperties.Entry("rto", "demo", "demo", List.of())).doesNotThrowAnyException();
    }
}
