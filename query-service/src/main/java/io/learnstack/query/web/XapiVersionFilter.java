package io.learnstack.query.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every xAPI request must name a version the LRS speaks; every response names the version it follows.
 * A request without the header is how an xAPI 0.9 or 0.95 client speaks (those versions had no such
 * header): it is refused, and the answer names 0.95, the version it was taken for. A request naming a
 * version the LRS does not speak is refused under {@code learnstack.xapi.default-version}. The About
 * resource is the one exception, since clients call it to learn the versions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class XapiVersionFilter extends OncePerRequestFilter {

    private final XapiVersion fallback;

    XapiVersionFilter(@Value("${learnstack.xapi.default-version:2.0.0}") String defaultVersion) {
        this.fallback = XapiVersion.fromHeader(defaultVersion).orElseThrow(() -> new IllegalArgumentException(
                "learnstack.xapi.default-version must be 1.0.x or 2.0.x: " + defaultVersion));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/xapi/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<XapiVersion> version = XapiVersion.fromHeader(request.getHeader(XapiVersion.HEADER));
        response.setHeader(XapiVersion.HEADER, version.map(XapiVersion::headerValue)
                .orElse(answerWithoutVersion(request)));
        if (version.isEmpty() && !request.getRequestURI().equals("/xapi/about")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Bad Request\",\"message\":\"the X-Experience-API-Version header"
                    + " must name 1.0.x or 2.0.x\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private String answerWithoutVersion(HttpServletRequest request) {
        String requested = request.getHeader(XapiVersion.HEADER);
        boolean legacy = (requested == null || requested.isBlank()) && !request.getRequestURI().equals("/xapi/about");
        return legacy ? XapiVersion.PRE_HEADER_VERSION : fallback.headerValue();
    }
}
