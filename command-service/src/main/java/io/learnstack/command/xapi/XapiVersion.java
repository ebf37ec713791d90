package io.learnstack.command.xapi;

import java.util.regex.Pattern;

/**
 * The xAPI versions the LRS speaks: 1.0.3 and 2.0.0 (IEEE 9274.1.1).
 * <p>
 * A request names its version in the {@code X-Experience-API-Version} header; every 1.0.x release is
 * answered as 1.0.3 and every 2.0.x release as 2.0.0, because patch releases of xAPI do not change the
 * data model.
 */
public enum XapiVersion {

    V1_0_3("1.0.3", "1.0.0"),
    V2_0_0("2.0.0", "2.0.0");

    /** The last version whose clients sent no version header; a request without one is taken for it. */
    public static final String PRE_HEADER_VERSION = "0.95";

    private static final String HEADER = "X-Experience-API-Version";
    private static final Pattern V1_0 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern V2_0 = Pattern.compile("2\\.0(\\.\\d+)?");

    private final String headerValue;
    private final String statementVersion;

    XapiVersion(String headerValue, String statementVersion) {
        this.headerValue = headerValue;
        this.statementVersion = statementVersion;
    }

    /**
     * Reads the version a request asks for.
     *
     * @param headerValue the {@code X-Experience-API-Version} header as sent, possibly {@code null}
     * @throws InvalidStatementException when the header is missing, blank, or names a version the LRS
     *                                   does not speak
     */
    public static XapiVersion fromHeader(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw new InvalidStatementException(HEADER + " header is required");
        }
        String requested = headerValue.trim();
        if (V1_0.matcher(requested).matches()) {
            return V1_0_3;
        }
        if (V2_0.matcher(requested).matches()) {
            return V2_0_0;
        }
        throw new InvalidStatementException(HEADER + " " + requested
                + " is not supported; this LRS speaks 1.0.3 (any 1.0.x) and 2.0.0 (any 2.0.x)");
    }

    /** The value the LRS puts in the {@code X-Experience-API-Version} response header: "1.0.3" or "2.0.0". */
    public String headerValue() {
        return headerValue;
    }

    /**
     * The {@code version} the LRS gives a statement that arrived without one: "1.0.0" under 1.0.3 (the
     * 1.0.3 specification says so explicitly) and "2.0.0" under 2.0.0.
     */
    public String statementVersion() {
        return statementVersion;
    }
}
