package io.learnstack.projector.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnstack.events.DocumentAddress;
import io.learnstack.events.DocumentKind;

/** The query service reads these ids: these expectations are the same on both sides. */
class DocumentKeysTest {

    private static final String UNIT = "https://rto.example/u";
    private static final String ADA = "mbox:mailto:ada@example.org";

    @Test
    void aStateIsFiledUnderItsActivityAndAgentThenItsIdAndRegistration() {
        assertThat(DocumentKeys.document("demo", new DocumentAddress(DocumentKind.STATE, UNIT, ADA,
                "6fbd600f-d17c-4c74-801a-2ec2e53231c7", "bookmark")))
                .isEqualTo("state|demo|https://rto%2Eexample/u|mbox:mailto:ada@example%2Eorg|bookmark"
                        + "|6fbd600f-d17c-4c74-801a-2ec2e53231c7");
        assertThat(DocumentKeys.document("demo", new DocumentAddress(DocumentKind.STATE, UNIT, ADA, null, "bookmark")))
                .isEqualTo("state|demo|https://rto%2Eexample/u|mbox:mailto:ada@example%2Eorg|bookmark");
    }

    @Test
    void profilesAreFiledUnderTheirActivityOrAgent() {
        assertThat(DocumentKeys.document("demo", new DocumentAddress(DocumentKind.ACTIVITY_PROFILE, UNIT, null, null, "p")))
                .isEqualTo("activity-profile|demo|https://rto%2Eexample/u|p");
        assertThat(DocumentKeys.document("demo", new DocumentAddress(DocumentKind.AGENT_PROFILE, null,
                "account:https://rto.example|s1", null, "p")))
                .isEqualTo("agent-profile|demo|account:https://rto%2Eexample%7Cs1|p");
    }

    @Test
    void reservedCharactersAreEscapedAndAnEmptyPartIsALonePercentSign() {
        assertThat(DocumentKeys.entry("a.b$c|d%e\0", null)).isEqualTo("a%2Eb%24c%7Cd%25e%00");
        assertThat(DocumentKeys.entry("", null)).isEqualTo("%");
    }
}
