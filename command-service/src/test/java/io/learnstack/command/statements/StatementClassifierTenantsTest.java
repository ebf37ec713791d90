package io.learnstack.command.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each tenant's statements are classified under its own verbs, and everyone else's under the defaults. */
class StatementClassifierTenantsTest {

    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final String ACHIEVED = "https://rto.example/verbs/achieved";
    private static final String COMPETENT = "https://rto.example/verbs/deemed-competent";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theDefaultsAreAdlAndCmi5() {
        // given
        VerbMapping verbs = bind(Map.of());

        // then
        assertThat(verbs.completion()).containsExactlyInAnyOrder(COMPLETED, SATISFIED);
        assertThat(verbs.passed()).containsExactly(PASSED);
        assertThat(verbs.failed()).containsExactly("http://adlnet.gov/expapi/verbs/failed");
        assertThat(verbs.scored()).containsExactly("http://adlnet.gov/expapi/verbs/scored");
        assertThat(verbs.tenants()).isEmpty();
    }

    @Test
    void cmi5SatisfiedIsACompletion() throws Exception {
        StatementClassifier classifier = new StatementClassifier(bind(Map.of()));

        assertThat(classifier.classify("demo", statement(SATISFIED)).kind()).isEqualTo(Classification.Kind.COMPLETION);
    }

    @Test
    void aTenantsOwnVerbsReplaceTheDefaultsItNamesAndKeepTheOthers() throws Exception {
        // given
        StatementClassifier classifier = new StatementClassifier(bind(Map.of(
                "learnstack.classification.tenants.northside-rto.completion", ACHIEVED,
                "learnstack.classification.tenants.northside-rto.passed[0]", COMPETENT,
                "learnstack.classification.tenants.northside-rto.passed[1]", PASSED)));

        // when / then: northside's mapping
        assertThat(classifier.classify("northside-rto", statement(ACHIEVED)).kind())
                .isEqualTo(Classification.Kind.COMPLETION);
        assertThat(classifier.classify("northside-rto", statement(COMPLETED)).kind())
                .isEqualTo(Classification.Kind.ACTIVITY);
        Classification competent = classifier.classify("northside-rto", statement(COMPETENT));
        assertThat(competent.kind()).isEqualTo(Classification.Kind.ASSESSMENT);
        assertThat(competent.success()).isTrue();
        assertThat(classifier.classify("northside-rto", statement("http://adlnet.gov/expapi/verbs/failed")).success())
                .isFalse();

        // and every other tenant's: the defaults
        assertThat(classifier.classify("harbour-rto", statement(COMPLETED)).kind())
                .isEqualTo(Classification.Kind.COMPLETION);
        assertThat(classifier.classify("harbour-rto", statement(ACHIEVED)).kind())
                .isEqualTo(Classification.Kind.ACTIVITY);
        assertThat(classifier.classify("harbour-rto", statement(COMPETENT)).kind())
                .isEqualTo(Classification.Kind.ACTIVITY);
    }

    @Test
    void changingTheDefaultsChangesThemForTenantsWithoutOverrides() throws Exception {
        StatementClassifier classifier = new StatementClassifier(bind(Map.of(
                "learnstack.classification.completion", ACHIEVED,
                "learnstack.classification.tenants.northside-rto.passed", COMPETENT)));

        assertThat(classifier.classify("harbour-rto", statement(ACHIEVED)).kind())
                .isEqualTo(Classification.Kind.COMPLETION);
        assertThat(classifier.classify("northside-rto", statement(ACHIEVED)).kind())
                .isEqualTo(Classification.Kind.COMPLETION);
        assertThat(classifier.classify("northside-rto", statement(PASSED)).kind())
                .isEqualTo(Classification.Kind.ACTIVITY);
    }

    private static VerbMapping bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("learnstack.classification", VerbMapping.class);
    }

    private JsonNode statement(String verb) throws Exception {
        return json.readTree("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"%s"},
                 "object":{"id":"https://rto.example/a"}}""".formatted(verb));
    }
}
