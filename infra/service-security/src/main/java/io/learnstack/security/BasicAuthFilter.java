package io.learnstack.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic authentication: every request to a protected resource must name a known key and its secret
 * (401 otherwise), and the key must hold the resource's role (403 otherwise).
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BasicAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BasicAuthFilter.class);

    private final Map<String, ClientProperties.Entry> byKey;
    private final SecretVerifier secrets = new SecretVerifier();
    private final IssuedKeys issued;

    BasicAuthFilter(ClientProperties properties) {
        this(properties, IssuedKeys.NONE);
    }

    /** {@code issued} is asked for keys that are not in the configuration; configured keys always win. */
    BasicAuthFilter(ClientProperties properties, IssuedKeys issued) {
        this.byKey = properties.clients().stream()
                .collect(Collectors.toMap(ClientProperties.Entry::key, Function.identity()));
        this.issued = issued;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceClients() {
        byKey.values().forEach(entry -> {
            log.info("key '{}' accepted for tenant '{}' with roles {}", entry.key(), entry.tenant(), entry.grantedRoles());
            if (!entry.hashed()) {
                log.warn("key '{}' has a plain-text secret: configure secret-hash instead (see docs/security.md)",
                        entry.key());
            }
        });
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AccessRules.isProtected(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Client> client = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (client.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Learnstack xAPI\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"valid HTTP Basic credentials are required\"}");
            return;
        }
        Role needed = AccessRules.roleFor(request.getMethod(), request.getRequestURI());
        if (!client.get().has(needed)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"forbidden\",\"message\":\"this key does not hold the "
                    + needed.id() + " role\"}");
            return;
        }
        request.setAttribute(Client.ATTRIBUTE, client.get());
        chain.doFilter(request, response);
    }

    private Optional<Client> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String key = decoded.substring(0, colon);
        ClientProperties.Entry entry = byKey.get(key);
        if (entry != null) {
            return secrets.matches(entry, decoded.substring(colon + 1))
                    ? Optional.of(new Client(entry.tenant(), entry.key(), entry.grantedRoles()))
                    : Optional.empty();
        }
        Optional<IssuedKey> issuedKey = key.isEmpty() ? Optional.empty() : issued.find(key);
        ClientProperties.Entry asEntry = issuedKey
                .map(found -> new ClientProperties.Entry(found.tenant(), found.key(), null, found.secretHash(), null))
                .orElse(null);
        if (!secrets.matches(asEntry, decoded.substring(colon + 1))) {
            return Optional.empty();
        }
        return Optional.of(new Client(issuedKey.get().tenant(), key, issuedKey.get().roles()));
    }
}
