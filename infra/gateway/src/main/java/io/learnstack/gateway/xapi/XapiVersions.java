package io.learnstack.gateway.xapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The version the gateway names in the answers it gives itself, as the services do in theirs: the one
 * the request asked for; 0.95 when it named none, as xAPI 0.9 and 0.95 clients did; the configured
 * default when it named one the LRS does not speak.
 */
@Component
class XapiVersions {

    static final String HEADER = "X-Experience-API-Version";

    private final String defaultVersion;

    XapiVersions(@Value("${learnstack.xapi.default-version:2.0.0}") String defaultVersion) {
        this.defaultVersion = defaultVersion;
    }

    String answering(String requested) {
        String value = requested == null ? "" : requested.trim();
        if (value.isEmpty()) {
            return "0.95";
        }
        if (value.equals("1.0") || value.startsWith("1.0.")) {
            return "1.0.3";
        }
        if (value.equals("2.0") || value.startsWith("2.0.")) {
            return "2.0.0";
        }
        return defaultVersion;
    }
}
