package io.learnstack.query.web;

import java.util.Optional;

/** The versions of the xAPI specification this LRS answers in. */
public enum XapiVersion {
    V1_0_3("1.0.3"),
    V2_0_0("2.0.0");

    /** The request and response header that names the version. */
    public static final String HEADER = "X-Experience-API-Version";

    /** The last version whose clients sent no version header; a request without one is taken for it. */
    public static final String PRE_HEADER_VERSION = "0.95";

    private final String headerValue;

    XapiVersion(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The version a request's header asks for: any 1.0.x or 2.0.x, or empty when absent or unknown. */
    public static Optional<XapiVersion> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.equals("1.0") || value.startsWith("1.0.")) {
            return Optional.of(V1_0_3);
        }
        if (value.equals("2.0") || value.startsWith("2.0.")) {
            return Optional.of(V2_0_0);
        }
        return Optional.empty();
    }

    public String headerValue() {
        return headerValue;
    }
}
