package io.learnstack.command.enrolments;

import java.time.Period;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How enrolments are decided: the re-enrolment window and which statements mean enrolments, with
 * per-tenant overrides under {@code learnstack.enrolments.tenants.<tenant>}.
 *
 * @param reEnrolmentWindow how long after an enrolment ended (completed or withdrawn) an enrolment in
 *                          another course at the same tenant counts as a re-enrolment
 * @param statements        which statements mean enrolments
 * @param tenants           per-tenant overrides; what a tenant leaves out comes from the defaults
 */
@ConfigurationProperties("learnstack.enrolments")
record EnrolmentProperties(
        @DefaultValue("P12M") Period reEnrolmentWindow,
        @DefaultValue StatementMapping statements,
        Map<String, TenantSettings> tenants) {

    EnrolmentProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    static EnrolmentProperties defaults() {
        return new EnrolmentProperties(Period.ofMonths(12), StatementMapping.adl(), Map.of());
    }

    Period windowFor(String tenant) {
        TenantSettings own = tenants.get(tenant);
        return own != null && own.reEnrolmentWindow() != null ? own.reEnrolmentWindow() : reEnrolmentWindow;
    }

    StatementMapping mappingFor(String tenant) {
        TenantSettings own = tenants.get(tenant);
        return own != null && own.statements() != null ? own.statements() : statements;
    }

    /**
     * One tenant's overrides.
     *
     * @param reEnrolmentWindow the tenant's window, or {@code null} for the default
     * @param statements        the tenant's statement mapping (whole), or {@code null} for the default
     */
    record TenantSettings(Period reEnrolmentWindow, StatementMapping statements) {
    }

    /**
     * Which statements mean enrolments. The course is the statement's object when its activity type is one
     * of {@code courseTypes}, else the first {@code grouping} or {@code parent} context activity of such a
     * type; the context registration is the enrolment id.
     *
     * @param enabled     whether statements are classified into enrolments at all
     * @param registered  verbs that enrol (a registration, else the statement id, is the enrolment id)
     * @param launched    verbs that enrol when their registration is new (a statement without a
     *                    registration does not enrol)
     * @param completed   verbs that complete the enrolment (the registration's, else the learner's latest
     *                    open enrolment in the course)
     * @param courseTypes activity types that make an activity a course
     */
    record StatementMapping(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("http://adlnet.gov/expapi/verbs/registered") Set<String> registered,
            @DefaultValue({"http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/initialized"})
            Set<String> launched,
            @DefaultValue("http://adlnet.gov/expapi/verbs/completed") Set<String> completed,
            @DefaultValue("http://adlnet.gov/expapi/activities/course") Set<String> courseTypes) {

        static StatementMapping adl() {
            return new StatementMapping(true, Set.of("http://adlnet.gov/expapi/verbs/registered"),
                    Set.of("http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/initialized"),
                    Set.of("http://adlnet.gov/expapi/verbs/completed"),
                    Set.of("http://adlnet.gov/expapi/activities/course"));
        }
    }
}
