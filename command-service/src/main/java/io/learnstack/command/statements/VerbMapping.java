package io.learnstack.command.statements;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which verbs stand for completions and assessment outcomes. The defaults are the ADL vocabulary with
 * cmi5's use of it: cmi5 sends completed, passed and failed, and its {@code satisfied} (a block or
 * course whose move-on criteria are met) counts as a completion. A tenant whose content speaks another
 * vocabulary names its own verbs under {@code tenants.<tenant>}; each set given there replaces the
 * default set, the others stay.
 *
 * @param completion verbs that complete an activity
 * @param passed     verbs that mean an assessment was passed
 * @param failed     verbs that mean an assessment was failed
 * @param scored     verbs that mean an assessment was marked without a pass or fail of their own
 * @param tenants    per tenant, the sets that replace the defaults
 */
@ConfigurationProperties("learnstack.classification")
public record VerbMapping(
        @DefaultValue({"http://adlnet.gov/expapi/verbs/completed", "https://w3id.org/xapi/adl/verbs/satisfied"})
        Set<String> completion,
        @DefaultValue("http://adlnet.gov/expapi/verbs/passed") Set<String> passed,
        @DefaultValue("http://adlnet.gov/expapi/verbs/failed") Set<String> failed,
        @DefaultValue("http://adlnet.gov/expapi/verbs/scored") Set<String> scored,
        Map<String, Overrides> tenants) {

    public VerbMapping {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /**
     * One tenant's verbs; a set left out keeps the default.
     *
     * @param completion verbs that complete an activity, or {@code null}
     * @param passed     verbs that mean an assessment was passed, or {@code null}
     * @param failed     verbs that mean an assessment was failed, or {@code null}
     * @param scored     verbs that mean an assessment was marked, or {@code null}
     */
    public record Overrides(Set<String> completion, Set<String> passed, Set<String> failed, Set<String> scored) {
    }

    /** The defaults, without tenant overrides. */
    static VerbMapping adlDefaults() {
        return new VerbMapping(Set.of("http://adlnet.gov/expapi/verbs/completed",
                        "https://w3id.org/xapi/adl/verbs/satisfied"),
                Set.of("http://adlnet.gov/expapi/verbs/passed"),
                Set.of("http://adlnet.gov/expapi/verbs/failed"),
                Set.of("http://adlnet.gov/expapi/verbs/scored"), Map.of());
    }

    /** The verbs a tenant's statements are classified with: its overrides, and the defaults for the rest. */
    VerbMapping forTenant(String tenant) {
        Overrides overrides = tenant == null ? null : tenants.get(tenant);
        if (overrides == null) {
            return this;
        }
        return new VerbMapping(either(overrides.completion(), completion), either(overrides.passed(), passed),
                either(overrides.failed(), failed), either(overrides.scored(), scored), Map.of());
    }

    private static Set<String> either(Set<String> override, Set<String> fallback) {
        return override == null ? fallback : override;
    }
}
