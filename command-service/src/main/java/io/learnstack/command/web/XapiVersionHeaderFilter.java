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
 * for, or {@code learnstack.xapi.default-version} when the request named none the LRS speaks (such
 * requests are refused, and the 1.0.3 and 2.0.0 specifications each want their own version named then;
 * the newest is the default).
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
        response.setHeader(HEADER, answeredVersion(request.getHeader(HEADER)).headerValue());
        chain.doFilter(request, response);
    }

    private XapiVersion answeredVersion(String requested) {
        try {
            return XapiVersion.fromHeader(requested);
        } catch (InvalidStatementException unsupported) {
            return fallback;
        }
    }
}
