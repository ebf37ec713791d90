package io.learnstack.query.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MoreCursorTest {

    private final MoreCursor cursor = new MoreCursor(new ObjectMapper());

    @Test
    void aTokenGivesBackItsQueryAndPositionToItsOwnTenant() {
        String token = cursor.encode("northside-rto", Map.of("verb", "https://v.example/done", "limit", "1"), "e-42");

        Map<String, String> decoded = cursor.decode("northside-rto", token);

        assertThat(MoreCursor.parametersOf(decoded)).containsOnly(Map.entry("verb", "https://v.example/done"),
                Map.entry("limit", "1"));
        assertThat(MoreCursor.afterOf(decoded)).isEqualTo("e-42");
    }

    @Test
    void anotherTenantsTokenIsNotValidAndDoesNotNameTheTenant() {
        String token = cursor.encode("northside-rto", Map.of("limit", "1"), "e-42");

        assertThatThrownBy(() -> cursor.decode("harbour-rto", token))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("the more token is not valid");
        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                .doesNotContain("northside");
    }

    @Test
    void aTokenWithoutATenantIsNotValid() {
        String unbound = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"\\u0000after\":\"e-42\",\"limit\":\"1\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> cursor.decode("northside-rto", unbound))
                .hasMessage("the more token is not valid");
    }
}
