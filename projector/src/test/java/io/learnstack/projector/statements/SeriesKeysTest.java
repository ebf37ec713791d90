package io.learnstack.projector.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SeriesKeysTest {

    private static final String ID = "0b9f1b2e-0000-4000-8000-000000000001";

    @Test
    void anEntryPadsTheStoredMillisecondsToThirteenDigitsSoEntriesSortByTime() {
        assertThat(SeriesKeys.entry(Instant.ofEpochMilli(42), ID)).isEqualTo("0000000000042|" + ID);
        assertThat(SeriesKeys.entry(Instant.parse("2026-11-24T09:00:01.250Z"), ID))
                .isEqualTo(String.format("%013d|%s", Instant.parse("2026-11-24T09:00:01.250Z").toEpochMilli(), ID));
    }

    @Test
    void anEntryGivesBackItsStoredTimeAndStatementId() {
        Instant stored = Instant.parse("2026-11-24T09:00:01.250Z");

        String entry = SeriesKeys.entry(stored, ID);

        assertThat(SeriesKeys.storedOf(entry)).isEqualTo(stored);
        assertThat(SeriesKeys.statementIdOf(entry)).isEqualTo(ID);
    }
}
