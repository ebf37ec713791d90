package io.learnstack.command.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class XapiVersionTest {

    @Nested
    class FromHeader {

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(quoteCharacter = '`', textBlock = """
                1.0,     V1_0_3
                1.0.0,   V1_0_3
                1.0.1,   V1_0_3
                1.0.2,   V1_0_3
                1.0.3,   V1_0_3
                1.0.9,   V1_0_3
                `1.0.3 `, V1_0_3
                2.0,     V2_0_0
                2.0.0,   V2_0_0
                2.0.1,   V2_0_0
                """)
        void givenASupportedVersion_whenReadFromTheHeader_thenItMapsToTheVersionTheLrsSpeaks(String header,
                XapiVersion expected) {
            assertThat(XapiVersion.fromHeader(header)).isEqualTo(expected);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void givenNoHeader_whenRead_thenTheRequestIsRejected(String header) {
            assertThatThrownBy(() -> XapiVersion.fromHeader(header))
                    .isInstanceOf(InvalidStatementException.class)
                    .hasMessage("X-Experience-API-Version header is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.95", "0.9", "1.1", "1.1.0", "1", "2", "2.1.0", "3.0.0", "1.0.x", "v1.0.3",
                "1.0.3.1", "1.0.3-beta", "latest"})
        void givenAnUnsupportedVersion_whenRead_thenTheRequestIsRejectedNamingIt(String header) {
            assertThatThrownBy(() -> XapiVersion.fromHeader(header))
                    .isInstanceOf(InvalidStatementException.class)
                    .hasMessageStartingWith("X-Experience-API-Version " + header + " is not supported");
        }
    }

    @Test
    void theHeaderValueNamesTheNewestReleaseOfEachFamily() {
        assertThat(XapiVersion.V1_0_3.headerValue()).isEqualTo("1.0.3");
        assertThat(XapiVersion.V2_0_0.headerValue()).isEqualTo("2.0.0");
    }

    @Test
    void statementsWithoutVersionGetTheOneEachSpecificationPrescribes() {
        assertThat(XapiVersion.V1_0_3.statementVersion()).isEqualTo("1.0.0");
        assertThat(XapiVersion.V2_0_0.statementVersion()).isEqualTo("2.0.0");
    }
}
