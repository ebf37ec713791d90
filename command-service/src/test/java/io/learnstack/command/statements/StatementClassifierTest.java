package io.learnstack.command.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StatementClassifierTest {

    private final StatementClassifier classifier = new StatementClassifier(VerbMapping.adlDefaults());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void passedIsASuccessfulAssessmentWithItsScores() throws Exception {
        Classification c = classifier.classify(statement("passed", "\"result\":{\"score\":{\"scaled\":0.8,\"raw\":40}}"));

        assertThat(c).isEqualTo(new Classification(Classification.Kind.ASSESSMENT, "https://rto.example/a", 0.8, 40.0, true));
    }

    @Test
    void failedIsAnUnsuccessfulAssessment() throws Exception {
        assertThat(classifier.classify(statement("failed", null)).success()).isFalse();
    }

    @Test
    void scoredTakesSuccessFromTheResultOnly() throws Exception {
        assertThat(classifier.classify(statement("scored", null)).success()).isNull();
        assertThat(classifier.classify(statement("scored", "\"result\":{\"success\":true}")).success()).isTrue();
        assertThat(classifier.classify(statement("scored", null)).kind()).isEqualTo(Classification.Kind.ASSESSMENT);
    }

    @Test
    void anExplicitResultWinsOverTheVerb() throws Exception {
        assertThat(classifier.classify(statement("passed", "\"result\":{\"success\":false}")).success()).isFalse();
    }

    @Test
    void completedIsACompletion() throws Exception {
        Classification c = classifier.classify(statement("completed", "\"result\":{\"success\":true}"));

        assertThat(c.kind()).isEqualTo(Classification.Kind.COMPLETION);
        assertThat(c.success()).isTrue();
    }

    @Test
    void anyOtherVerbOnAnActivityIsActivity() throws Exception {
        assertThat(classifier.classify(statement("launched", null)).kind()).isEqualTo(Classification.Kind.ACTIVITY);
    }

    @Test
    void aStatementAboutAnAgentIsNotLearningActivity() throws Exception {
        JsonNode statement = json.readTree("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"objectType":"Agent","mbox":"mailto:b@example.org"}}""");

        assertThat(classifier.classify(statement).kind()).isEqualTo(Classification.Kind.NONE);
    }

    private JsonNode statement(String verb, String result) throws Exception {
        return json.readTree("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/%s"},
                 "object":{"id":"https://rto.example/a"}%s}""".formatted(verb, result == null ? "" : "," + result));
    }
}
