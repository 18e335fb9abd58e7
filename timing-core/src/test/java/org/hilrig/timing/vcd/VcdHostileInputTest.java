package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * VCD is input too: names that are not UTF-8 are refused at their byte, free text (comments, dates) may
 * hold any bytes, and a line or a token of megabytes costs time in proportion to its length. The time
 * bound is only a hang guard.
 */
class VcdHostileInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private static byte[] vcd(String before, String hex, String after) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(HexFormat.of().parseHex(hex));
        b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    private static Trace read(InputStream in) {
        Trace trace = new Trace();
        assertTimeoutPreemptively(HANG_GUARD, () -> VcdReader.read(in, "t.vcd", trace));
        return trace;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Latin-1 e-acute          | e9     | \\xe9
            a sequence cut short     | c328   | \\xc3
            a lone continuation byte | 80     | \\x80
            an overlong encoding     | c0af   | \\xc0
            an encoded surrogate     | eda080 | \\xed\\xa0\\x80
            """)
    void aNameThatIsNotUtf8IsBadInputAtItsFirstBadByte(String what, String hex, String shown) {
        byte[] bytes = vcd("$timescale 1ns $end\n$scope module rig $end\n$var wire 1 ! door_cl", hex,
                "sed $end\n$upscope $end\n$enddefinitions $end\n#0 1!\n");
        String token = "door_cl" + VcdInput.quote(HexFormat.of().parseHex(hex), 0, hex.length() / 2).replace("'", "") + "sed";

        // the token starts at column 15; its eighth byte is the bad one
        assertThatThrownBy(() -> read(new ByteArrayInputStream(bytes))).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:3:22: not UTF-8 text: '" + shown + "' in '" + token + "' is not part of a UTF-8 character");
    }

    @Test
    void aScopeThatIsNotUtf8IsBadInputToo() {
        byte[] bytes = vcd("$timescale 1ns $end\n$scope module r", "ff", "ig $end\n$enddefinitions $end\n");

        assertThatThrownBy(() -> read(new ByteArrayInputStream(bytes))).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:2:16: not UTF-8 text: '\\xff' in 'r\\xffig' is not part of a UTF-8 character");
    }

    @Test
    void namesBeyondAsciiAreReadAsUtf8() {
        Trace trace = read(new ByteArrayInputStream("""
                $timescale 1ns $end
                $scope module Pr\u00fcfstand $end
                $var wire 1 ! T\u00fcr_zu $end
                $upscope $end
                $enddefinitions $end
                #0 1!
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(trace.signals()).extracting(SignalInfo::path).containsExactly("Pr\u00fcfstand.T\u00fcr_zu");
    }

    @Test
    void freeTextMayHoldAnyBytes() {
        byte[] bytes = vcd("$date Fr 27 ", "e9e8ff", " 2026 $end\n$comment caf\u00e9 au lait $end\n$timescale 1ns $end\n"
                + "$scope module rig $end\n$var wire 1 ! a $end\n$upscope $end\n$enddefinitions $end\n#0 1!\n#5 0!\n");

        assertThat(read(new ByteArrayInputStream(bytes)).changeCount()).isEqualTo(2);
    }

    @Test
    void anEightMegabyteCommentLineIsReadInOnePass() {
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("$comment ".getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream("x ".repeat(4_000_000).getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream("$end\n$timescale 1ns $end\n$scope module rig $end\n$var wire 1 ! a $end\n"
                        .concat("$upscope $end\n$enddefinitions $end\n#0 1!\n#5 0!\n").getBytes(StandardCharsets.US_ASCII)))));

        Trace trace = read(in);

        assertThat(trace.changeCount()).isEqualTo(2);
        assertThat(trace.endNanos()).isEqualTo(5);
    }

    @Test
    void aTokenBeyondItsCapIsBadInputNamingWhereItStarts() {
        byte[] token = new byte[VcdInput.MAX_TOKEN_BYTES + 1];
        java.util.Arrays.fill(token, (byte) '1');
        token[0] = 'b';
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(("$timescale 1ns $end\n$scope module rig $end\n$var wire 8 ! v $end\n"
                        + "$upscope $end\n$enddefinitions $end\n#0\n").getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(token))));

        assertThatThrownBy(() -> read(in)).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:7:1: token longer than " + VcdInput.MAX_TOKEN_BYTES + " bytes (tokens are separated"
                        + " by white space): 'b111111111111111111111111111111111111111'...");
    }
}
