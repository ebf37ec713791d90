package io.learnstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BasicAuthFilterTest {

    private final BasicAuthFilter filter = new BasicAuthFilter(new ClientProperties(List.of(
            new ClientProperties.Entry("rto-a", "content", "s3cret", null),
            new ClientProperties.Entry("rto-a", "analyst", "an4lyst", List.of("analyst")),
            new ClientProperties.Entry("rto-b", "registrar", "r3g", List.of("Registrar", "xapi")),
            new ClientProperties.Entry("rto-c", "hashed", null, new BCryptPasswordEncoder(4).encode("h4sh"), null))));

    @Test
    void aRequestWithoutCredentialsIsAskedForThem() throws Exception {
        MockHttpServletResponse response = run("GET", "/xapi/statements", null);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void aWrongSecretIsRefusedLikeAnUnknownKey() throws Exception {
        assertThat(run("GET", "/xapi/statements", "content:wrong").getStatus()).isEqualTo(401);
        assertThat(run("GET", "/xapi/statements", "nobody:s3cret").getStatus()).isEqualTo(401);
    }

    @Test
    void aKeyConfiguredWithAHashAcceptsOnlyItsSecret() throws Exception {
        assertThat(run("GET", "/xapi/statements", "hashed:h4sh").getStatus()).isEqualTo(200);
        assertThat(run("GET", "/xapi/statements", "hashed:h4sh").getStatus()).isEqualTo(200);
        assertThat(run("GET", "/xapi/statements", "hashed:wrong").getStatus()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutRolesIsAnXapiClientOnly() throws Exception {
        assertThat(run("GET", "/xapi/statements", "content:s3cret").getStatus()).isEqualTo(200);
        assertThat(run("GET", "/api/analytics/summary", "content:s3cret").getStatus()).isEqualTo(403);
        assertThat(run("POST", "/api/credentials", "content:s3cret").getStatus()).isEqualTo(403);
    }

    @Test
    void eachApiNeedsItsOwnRole() throws Exception {
        assertThat(run("GET", "/api/analytics/summary", "analyst:an4lyst").getStatus()).isEqualTo(200);
        assertThat(run("GET", "/xapi/statements", "analyst:an4lyst").getStatus()).isEqualTo(403);
        assertThat(run("POST", "/api/enrolments", "analyst:an4lyst").getStatus()).isEqualTo(403);
        assertThat(run("POST", "/api/enrolments", "registrar:r3g").getStatus()).isEqualTo(200);
        assertThat(run("POST", "/api/credentials", "registrar:r3g").getStatus()).isEqualTo(403);
    }

    @Test
    void theAuthenticatedClientCarriesItsTenantAndRoles() throws Exception {
        MockHttpServletRequest request = request("POST", "/api/enrolments", "registrar:r3g");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        Client client = (Client) chain.getRequest().getAttribute(Client.ATTRIBUTE);
        assertThat(client.tenant()).isEqualTo("rto-b");
        assertThat(client.roles()).containsExactlyInAnyOrder(Role.REGISTRAR, Role.XAPI);
    }

    @Test
    void publicPagesNeedNoKey() throws Exception {
        assertThat(run("GET", "/xapi/about", null).getStatus()).isEqualTo(200);
        assertThat(run("GET", "/credentials/0b6a", null).getStatus()).isEqualTo(200);
        assertThat(run("GET", "/", null).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse run(String method, String path, String credentials) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(method, path, credentials), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path, String credentials) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (credentials != null) {
            request.addHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
