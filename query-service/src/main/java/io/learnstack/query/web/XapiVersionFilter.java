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
 * Every xAPI request must name a version the LRS speaks; every response names the version it follows,
 * {@code learnstack.xapi.default-version} when the request named none the LRS speaks (the 1.0.3 and
 * 2.0.0 specifications each want their own named then; the newest is the default). The About resource
 * is the one exception, since clients call it to learn the versions.
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
        response.setHeader(XapiVersion.HEADER, version.orElse(fallback).headerValue());
        if (version.isEmpty() && !request.getRequestURI().equals("/xapi/about")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Bad Request\",\"message\":\"the X-Experience-API-Version header"
                    + " must name 1.0.x or 2.0.x\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
