package io.learnstack.command.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.XapiVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every xAPI response names the version of the specification it follows: the one the request asked
 * for. Requests naming none the LRS speaks are refused: without the header at all, a request is how an
 * xAPI 0.9 or 0.95 client speaks (those versions had no such header), and the answer names 0.95, the
 * version it was taken for; with another version, the answer names {@code learnstack.xapi.default-version}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class XapiVersionHeaderFilter extends OncePerRequestFilter {

    private static final String HEADER = "X-Experience-API-Version";

    private final XapiVersion fallback;

    XapiVersionHeaderFilter(@Value("${learnstack.xapi.default-version:2.0.0}") String defaultVersion) {
        this.fallback = XapiVersion.fromHeader(defaultVersion);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/xapi/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, answeredVersion(request.getHeader(HEADER)));
        chain.doFilter(request, response);
    }

    private String answeredVersion(String requested) {
        if (requested == null || requested.isBlank()) {
            return XapiVersion.PRE_HEADER_VERSION;
        }
        try {
            return XapiVersion.fromHeader(requested).headerValue();
        } catch (InvalidStatementException unsupported) {
            return fallback.headerValue();
        }
    }
}
