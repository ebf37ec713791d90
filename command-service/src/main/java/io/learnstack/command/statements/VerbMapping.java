package io.learnstack.command.statements;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which verbs stand for completions and assessment outcomes. The defaults are the ADL vocabulary,
 * which cmi5 uses too.
 *
 * @param completion verbs that complete an activity
 * @param passed     verbs that mean an assessment was passed
 * @param failed     verbs that mean an assessment was failed
 * @param scored     verbs that mean an assessment was marked without a pass or fail of their own
 */
@ConfigurationProperties("learnstack.classification")
public record VerbMapping(
        @DefaultValue("http://adlnet.gov/expapi/verbs/completed") Set<String> completion,
        @DefaultValue("http://adlnet.gov/expapi/verbs/passed") Set<String> passed,
        @DefaultValue("http://adlnet.gov/expapi/verbs/failed") Set<String> failed,
        @DefaultValue("http://adlnet.gov/expapi/verbs/scored") Set<String> scored) {

    static VerbMapping adlDefaults() {
        return new VerbMapping(Set.of("http://adlnet.gov/expapi/verbs/completed"),
                Set.of("http://adlnet.gov/expapi/verbs/passed"),
                Set.of("http://adlnet.gov/expapi/verbs/failed"),
                Set.of("http://adlnet.gov/expapi/verbs/scored"));
    }
}
