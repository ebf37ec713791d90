package io.learnstack.command.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.learnstack.command.xapi.InvalidStatementException;

class MultipartMixedTest {

    private static final String BOUNDARY = "-------314159265358979323846";

    @Test
    void splitsPartsWithTheirHeadersAndKeepsContentByteForByte() {
        // given: binary content with line breaks and bytes that are not text
        byte[] binary = {0, (byte) 0xff, '\r', '\n', '-', '-', 'x', '\r', '\n'};
        byte[] body = concat("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
                + "--" + BOUNDARY + "\r\ncontent-type:image/png\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash:  abc \r\n\r\n", binary, "\r\n--" + BOUNDARY + "--\r\n");

        // when
        List<Part> parts = MultipartMixed.parse(body, BOUNDARY);

        // then
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(text(parts.get(0))).isEqualTo("{\"a\":1}");
        assertThat(parts.get(1).header("CONTENT-TYPE")).isEqualTo("image/png");
        assertThat(parts.get(1).header("x-experience-api-hash")).isEqualTo("abc");
        assertThat(parts.get(1).content()).isEqualTo(binary);
    }

    @Test
    void ignoresThePreambleAndTheEpilogue() {
        // given: the conformance suite's signed statements start with a line break
        byte[] body = bytes("\r\n--" + BOUNDARY + "\r\nContent-Type:application/json\r\n\r\n[]\r\n--" + BOUNDARY
                + "--and then some");

        // when
        List<Part> parts = MultipartMixed.parse(body, BOUNDARY);

        // then
        assertThat(parts).singleElement().satisfies(part -> assertThat(text(part)).isEqualTo("[]"));
    }

    @Test
    void acceptsLinesEndingInLineFeedAlone() {
        List<Part> parts = MultipartMixed.parse(bytes("--b\nContent-Type: text/plain\n\nhello\n--b--\n"), "b");

        assertThat(parts).singleElement().satisfies(part -> assertThat(text(part)).isEqualTo("hello"));
    }

    @Test
    void aBoundaryStringInsideALineIsContent() {
        List<Part> parts = MultipartMixed.parse(bytes("--b\r\n\r\nsee --b here\r\n--bx\r\n--b--"), "b");

        assertThat(parts).singleElement().satisfies(part -> assertThat(text(part)).isEqualTo("see --b here\r\n--bx"));
    }

    @Test
    void aPartMayHaveNoContent() {
        List<Part> parts = MultipartMixed.parse(bytes("--b\r\nContent-Type: text/plain\r\n\r\n\r\n--b--"), "b");

        assertThat(parts).singleElement().satisfies(part -> assertThat(part.content()).isEmpty());
    }

    @Nested
    class Refusals {

        @Test
        void aBodyWithoutItsBoundary() {
            // the statements come before the first boundary line, so they are preamble: no part is left for them
            assertThatThrownBy(() -> MultipartMixed.parse(bytes("Content-Type: application/json\r\n\r\n{}\r\n"), "b"))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("no boundary line --b");
        }

        @Test
        void aBodyCutOffBeforeItsClosingBoundary() {
            assertThatThrownBy(() -> MultipartMixed.parse(bytes("--b\r\nContent-Type: application/json\r\n\r\n{}"), "b"))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("closing boundary");
        }

        @Test
        void aHeaderLineWithoutAColon() {
            assertThatThrownBy(() -> MultipartMixed.parse(bytes("--b\r\nContent-Type application/json\r\n\r\n{}\r\n--b--"),
                    "b"))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("part 1");
        }

        @Test
        void aBodyWithNoParts() {
            assertThatThrownBy(() -> MultipartMixed.parse(bytes("--b--\r\n"), "b"))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("no parts");
        }

        @Test
        void aBoundaryTooLongForRfc2046() {
            assertThatThrownBy(() -> MultipartMixed.parse(bytes("--x--"), "x".repeat(71)))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("1 to 70");
        }
    }

    private static String text(Part part) {
        return new String(part.content(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = bytes(before);
        byte[] tail = bytes(after);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }
}
