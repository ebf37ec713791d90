package io.learnstack.command.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The format checks on their own, including edge cases too fine-grained for the statement tables. */
class XapiFormatsTest {

    @Nested
    class LanguageTags {

        @ParameterizedTest
        @ValueSource(strings = {"en", "en-US", "de-DE", "zh-Hant", "sr-Latn-RS", "zh-Hans-CN", "es-419", "cmn",
                "ase", "fr-CA", "de-CH-1901", "sl-rozaj-biske", "en-a-myext-b-another", "en-US-x-twain", "x-whatever",
                "zh-min-nan", "art-lojban", "i-klingon", "en-GB-oed", "EN-us", "hak-CN", "tlh", "abcde"})
        void wellFormedTagsAreAccepted(String tag) {
            assertThat(XapiFormats.isLanguageTag(tag)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "something", "a12345", "a12345678", "en_US", "en-", "-en", "en--US", "e",
                "en-US-", "zh-z-aaa-z-bbb-c-ccc", "en-a", "x", "en-x", "123", "en-Latn-Latn-Latn", "en US"})
        void malformedTagsAreRejected(String tag) {
            assertThat(XapiFormats.isLanguageTag(tag)).isFalse();
        }
    }

    @Nested
    class Iris {

        @ParameterizedTest
        @ValueSource(strings = {"http://example.org", "https://example.org/a?b=c#d", "urn:uuid:1234",
                "mailto:a@example.org", "tag:example.org,2024:x", "http://例え.jp/パス", "x:y",
                "http://example.org/%41"})
        void absoluteIrisAreAccepted(String iri) {
            assertThat(XapiFormats.isAbsoluteIri(iri)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "example.org", "/relative/path", "#fragment", "ab=c://should.fail.com",
                "1http://example.org", "http:", ":nothing", "http://exa mple.org", "http://example.org/\t",
                "http://example.org/\"q\"", "http://example.org/%4", "http://example.org/%GG", "http://example.org/{x}"})
        void otherStringsAreNotAbsoluteIris(String iri) {
            assertThat(XapiFormats.isAbsoluteIri(iri)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"mailto:a@example.org", "MAILTO:A@EXAMPLE.ORG", "mailto:first.last+tag@sub.example.org"})
        void mailtoIrisNeedOneAddress(String mbox) {
            assertThat(XapiFormats.isMailtoIri(mbox)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"mailto:", "mailto:a", "mailto:@example.org", "mailto:a@", "mailto:a@b@c",
                "a@example.org", "mailtox:a@example.org", "mail"})
        void otherStringsAreNotMailtoIris(String mbox) {
            assertThat(XapiFormats.isMailtoIri(mbox)).isFalse();
        }
    }

    @Nested
    class Durations {

        @ParameterizedTest
        @ValueSource(strings = {"PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W", "P0D", "PT0S",
                "P1DT12H36M0.12567S", "PT1,5S", "P1Y2M", "PT36H", "P0.5Y", "PT1H0.5M", "P2.5W"})
        void designatorDurationsAreAccepted(String duration) {
            assertThat(XapiFormats.isDuration(duration)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "P", "PT", "P1DT", "T1H", "1H", "PA1H0M0S", "P4W1D", "P1W2W", "PT1H30",
                "P1M2Y", "PT30M1H", "PT1.5H30M", "P1.5Y2M", "P0003-06-04T12:30:05", "pt1h", "-PT1H", "P1H",
                "PT1D", "P1Y1Y", "PT.5S", "PT1.S", "P 1D"})
        void otherStringsAreNotDurations(String duration) {
            assertThat(XapiFormats.isDuration(duration)).isFalse();
        }
    }

    @Nested
    class Timestamps {

        @Test
        void anAcceptedTimestampNamesAnInstant() {
            assertThat(XapiFormats.timestampProblem("2013-05-18T06:32:34.5+01:00")).isEmpty();
            assertThat(XapiFormats.instantOf("2013-05-18T06:32:34.5+01:00"))
                    .isEqualTo(Instant.parse("2013-05-18T05:32:34.500Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2013-05-18T05:32:34+00", "2013-05-18T05:32:34-00:30", "0001-01-01T00:00:00Z",
                "2016-02-29T23:59:59.999999999+05:45"})
        void unusualButValidTimestampsAreAccepted(String timestamp) {
            assertThat(XapiFormats.timestampProblem(timestamp)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2013-05-18T05:32:34.1234567890Z", "13-05-18T05:32:34Z", "2013-5-18T05:32:34Z",
                "2013-05-18T5:32:34Z", "20130518T053234Z", "2013-05-18T05:32:34+01:00:00", "2015-02-29T00:00:00Z",
                "2013-05-18T05:60:00Z", "2013-05-18T05:32:34+5:00"})
        void malformedTimestampsAreRejected(String timestamp) {
            assertThat(XapiFormats.timestampProblem(timestamp)).isPresent();
        }
    }

    @Test
    void uuidsAreCheckedInTheirHyphenatedFormOnly() {
        assertThat(XapiFormats.isUuid("6690e6c9-3ef0-4ed3-8b37-7f3964730bee")).isTrue();
        assertThat(XapiFormats.isUuid("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE")).isTrue();
        assertThat(XapiFormats.isUuid("6690e6c93ef04ed38b377f3964730bee")).isFalse();
        assertThat(XapiFormats.isUuid("urn:uuid:6690e6c9-3ef0-4ed3-8b37-7f3964730bee")).isFalse();
        assertThat(XapiFormats.isUuid("6690e6c9-3ef0-4ed3-8b37-7f3964730bee ")).isFalse();
    }

    @Test
    void sha2DigestsHaveTheLengthOfOneOfTheSha2Functions() {
        assertThat(XapiFormats.isSha2Hex("a".repeat(56))).isTrue();
        assertThat(XapiFormats.isSha2Hex("A".repeat(64))).isTrue();
        assertThat(XapiFormats.isSha2Hex("0".repeat(96))).isTrue();
        assertThat(XapiFormats.isSha2Hex("f".repeat(128))).isTrue();
        assertThat(XapiFormats.isSha2Hex("a".repeat(40))).isFalse();
        assertThat(XapiFormats.isSha2Hex("g".repeat(64))).isFalse();
    }
}
