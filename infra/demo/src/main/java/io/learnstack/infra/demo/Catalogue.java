package io.learnstack.infra.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The courses every tenant runs and the credentials defined over them: a unit credential per unit, a
 * micro-credential per course stacking its units, and skill sets stacking micro-credentials. The CPR
 * credential must be renewed every year, so the demo has expiring and expired awards.
 */
final class Catalogue {

    /** Course codes; the pathway model in {@link Plan} refers to them. */
    static final String CPR = "cpr";
    static final String WHS = "whs";
    static final String CERT3 = "cert3-business";
    static final String CERT4 = "cert4-business";
    static final String DIPLOMA = "diploma-leadership";

    private static final String[][] COURSES = {
            {CPR, "Provide cardiopulmonary resuscitation", "HLTAID009:Provide cardiopulmonary resuscitation"},
            {WHS, "Work health and safety", "BSBWHS332X:Apply infection prevention and control procedures",
                    "BSBWHS411:Implement and monitor WHS policies"},
            {CERT3, "Certificate III in Business", "BSBCRT311:Apply critical thinking skills",
                    "BSBTEC301:Design and produce business documents", "BSBXCM301:Engage in workplace communication"},
            {CERT4, "Certificate IV in Business", "BSBOPS404:Implement customer service strategies",
                    "BSBTWK401:Build and maintain business relationships", "BSBPEF402:Develop personal work priorities"},
            {DIPLOMA, "Diploma of Leadership and Management", "BSBLDR522:Manage people performance",
                    "BSBOPS502:Manage business operational plans", "BSBCMM511:Communicate with influence"}};

    private Catalogue() {
    }

    static Map<String, Course> courses(Tenant tenant) {
        Map<String, Course> courses = new LinkedHashMap<>();
        String base = "https://" + tenant.domain();
        for (String[] course : COURSES) {
            List<Course.Unit> units = new ArrayList<>();
            for (int i = 2; i < course.length; i++) {
                String code = course[i].substring(0, course[i].indexOf(':'));
                units.add(new Course.Unit(code, course[i].substring(code.length() + 1), base + "/units/" + code,
                        base + "/assessments/" + code));
            }
            courses.put(course[0], new Course(course[0], course[1], base + "/courses/" + course[0], units));
        }
        return courses;
    }

    /** The credential definitions in the order they must be posted: a credential after those it stacks. */
    static List<Map<String, Object>> credentials(Tenant tenant) {
        Map<String, Course> courses = courses(tenant);
        List<Map<String, Object>> credentials = new ArrayList<>();
        for (Course course : courses.values()) {
            for (Course.Unit unit : course.units()) {
                credentials.add(credential(unitCredential(unit), unit.code() + " " + unit.name(), "unit",
                        Map.of("type", "assessmentPassed", "activityId", unit.assessment(), "minScaledScore", 0.5),
                        null));
            }
        }
        for (Course course : courses.values()) {
            List<Object> units = new ArrayList<>();
            course.units().forEach(unit -> units.add(held(unitCredential(unit))));
            credentials.add(credential(course.code(), course.name(), "micro-credential",
                    Map.of("type", "allOf", "of", units), CPR.equals(course.code()) ? "P1Y" : null));
        }
        credentials.add(credential("workplace-ready", "Workplace ready", "skill set",
                Map.of("type", "allOf", "of", List.of(held(CPR), held(WHS))), null));
        credentials.add(credential("business-leader", "Business leader", "skill set",
                Map.of("type", "allOf", "of", List.of(held(CERT4),
                        Map.of("type", "atLeast", "count", 1, "of", List.of(held(DIPLOMA), held("workplace-ready"))))),
                null));
        return credentials;
    }

    static String unitCredential(Course.Unit unit) {
        return "unit-" + unit.code().toLowerCase();
    }

    private static Map<String, Object> held(String credentialId) {
        return Map.of("type", "credentialHeld", "credentialId", credentialId);
    }

    private static Map<String, Object> credential(String id, String name, String kind, Map<String, Object> requirement,
            String validity) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", id);
        credential.put("name", name);
        credential.put("description", name + " (demo data)");
        credential.put("kind", kind);
        credential.put("requirement", requirement);
        if (validity != null) {
            credential.put("validity", validity);
        }
        credential.put("issuance", "automatic");
        return credential;
    }
}
