package io.learnstack.security;

/** Which resources need a key, and which role each needs. */
final class AccessRules {

    private AccessRules() {
    }

    static boolean isProtected(String path) {
        return (path.startsWith("/xapi/") && !path.equals("/xapi/about"))
                || (path.startsWith("/api/") && !path.equals("/api/openapi.json"))
                || path.equals("/admin") || path.startsWith("/admin/");
    }

    static Role roleFor(String method, String path) {
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return Role.ADMIN;
        }
        if (path.startsWith("/xapi/")) {
            return Role.XAPI;
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Role.ANALYST;
        }
        if (path.startsWith("/api/enrolments")) {
            return Role.REGISTRAR;
        }
        return Role.CATALOGUE;
    }
}
