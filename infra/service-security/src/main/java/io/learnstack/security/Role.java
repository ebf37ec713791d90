package io.learnstack.security;

import java.util.Locale;

/** What a key may do. A key holds one or more roles; a request needs the role of the resource it calls. */
public enum Role {
    /** Course content: the xAPI resources under {@code /xapi}. */
    XAPI,
    /** A student management system: enrolments under {@code /api/enrolments}. */
    REGISTRAR,
    /** Whoever manages the credential catalogue: definitions, approvals and revocations. */
    CATALOGUE,
    /** An RTO's analyst: every read under {@code /api}. */
    ANALYST,
    /** Whoever manages tenants' keys under {@code /admin}; a key holding it holds no other role. */
    ADMIN;

    /** The name used in configuration and in answers, e.g. {@code analyst}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code id}, in any case; {@link IllegalArgumentException} for an unknown name. */
    public static Role parse(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
