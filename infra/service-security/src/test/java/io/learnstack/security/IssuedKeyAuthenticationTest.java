package io.learnstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Keys issued through the admin API next to configured ones: rotation, revocation, the admin role. */
class IssuedKeyAuthenticationTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private final Map<String, IssuedKey> readModel = new HashMap<>();
    private final BasicAuthFilter filter = new BasicAuthFilter(new ClientProperties(List.of(
            new ClientProperties.Entry("rto-a", "content", "s3cret", null),
            new ClientProperties.Entry("admin", "root", null, BCRYPT.encode("r00t"), List.of("admin")))),
            key -> Optional.ofNullable(readModel.get(key)));

    @Test
    void anIssuedKeyOpensItsTenantsResources() {
        issue("k-1", "rto-b", "first", Role.XAPI);

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = run("GET", "/xapi/statements", "k-1:first", chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((Client) chain.getRequest().getAttribute(Client.ATTRIBUTE))
                .isEqualTo(new Client("rto-b", "k-1", Set.of(Role.XAPI)));
        assertThat(status("GET", "/xapi/statements", "k-1:wrong")).isEqualTo(401);
        assertThat(status("GET", "/api/analytics/summary", "k-1:first")).isEqualTo(403);
    }

    @Test
    void aRotatedSecretStopsWorkingEvenAfterItWasAccepted() {
        issue("k-1", "rto-b", "first", Role.XAPI);
        assertThat(status("GET", "/xapi/statements", "k-1:first")).isEqualTo(200);

        issue("k-1", "rto-b", "second", Role.XAPI);

        assertThat(status("GET", "/xapi/statements", "k-1:first")).isEqualTo(401);
        assertThat(status("GET", "/xapi/statements", "k-1:second")).isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefused() {
        issue("k-1", "rto-b", "first", Role.XAPI);
        assertThat(status("GET", "/xapi/statements", "k-1:first")).isEqualTo(200);

        readModel.remove("k-1");

        assertThat(status("GET", "/xapi/statements", "k-1:first")).isEqualTo(401);
    }

    @Test
    void theAdminRoleOpensOnlyTheAdminApi() {
        issue("k-1", "rto-b", "first", Role.XAPI, Role.ANALYST);

        assertThat(status("POST", "/admin/tenants/rto-b/keys", "root:r00t")).isEqualTo(200);
        assertThat(status("GET", "/xapi/statements", "root:r00t")).isEqualTo(403);
        assertThat(status("GET", "/api/analytics/summary", "root:r00t")).isEqualTo(403);
        assertThat(status("POST", "/admin/tenants/rto-b/keys", "content:s3cret")).isEqualTo(403);
        assertThat(status("DELETE", "/admin/keys/k-1", "k-1:first")).isEqualTo(403);
        assertThat(status("GET", "/admin/tenants/rto-b/keys", null)).isEqualTo(401);
    }

    @Test
    void aConfiguredKeyWinsOverAnIssuedOneOfTheSameName() {
        issue("content", "rto-b", "other", Role.XAPI);

        assertThat(status("GET", "/xapi/statements", "content:other")).isEqualTo(401);
        assertThat(status("GET", "/xapi/statements", "content:s3cret")).isEqualTo(200);
    }

    @Test
    void anAdminKeyHoldsNoOtherRole() {
        assertThatThrownBy(() -> new ClientProperties.Entry("t", "both", "s", List.of("admin", "xapi")))
                .hasMessageContaining("admin key");
    }

    @Test
    void lookupsAreRememberedOnlyForTheirTimeToLive() {
        AtomicInteger asked = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        IssuedKeys cached = new CachedIssuedKeys(key -> {
            asked.incrementAndGet();
            return Optional.empty();
        }, Duration.ofSeconds(1), now::get);

        cached.find("k-1");
        now.addAndGet(Duration.ofMillis(999).toNanos());
        cached.find("k-1");
        assertThat(asked).hasValue(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        cached.find("k-1");
        assertThat(asked).hasValue(2);
    }

    private void issue(String key, String tenant, String secret, Role... roles) {
        readModel.put(key, new IssuedKey(tenant, key, BCRYPT.encode(secret), Set.of(roles)));
    }

    private int status(String method, String path, String credentials) {
        return run(method, path, credentials, new MockFilterChain()).getStatus();
    }

    private MockHttpServletResponse run(String method, String path, String credentials, MockFilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (credentials != null) {
            request.addHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
