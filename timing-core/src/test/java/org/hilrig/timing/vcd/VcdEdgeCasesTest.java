package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VCD reader at the edges of its numbers, widths, codes and messages. */
class VcdEdgeCasesTest {

    private static String header(String timescale, String vars) {
        return "$timescale " + timescale + " $end\n$scope module t $end\n" + vars + "$upscope $end\n$enddefinitions $end\n";
    }

    private static ChangeLog readBytes(byte[] vcd) {
        ChangeLog log = new ChangeLog();
        VcdReader.read(new ByteArrayInputStream(vcd), "t.vcd", log);
        return log;
    }

    // ---- time stamps ---------------------------------------------------------------------------------

    @Test
    void theLargestTimeStampThatFitsALongReads() {
        ChangeLog log = ChangeLog.read(header("1ns", "$var wire 1 ! a $end\n") + "#9223372036854775807 1!\n");
        assertThat(log.lines).containsExactly("9223372036854775807 t.a 1", "end 9223372036854775807");
        assertThat(ChangeLog.read(header("1ns", "$var wire 1 ! a $end\n") + "#0000000000000000001 1!\n").lines)
                .as("leading zeros make a long stamp, not a large one")
                .containsExactly("1 t.a 1", "end 1");
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire 1 ! a $end\n") + "#9223372036854775808\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:1: time stamp '#9223372036854775808' is too large");
    }

    @Test
    void theLargestTimeStampThatFitsInNanosecondsAtACoarseTimescaleReads() {
        ChangeLog log = ChangeLog.read(header("1 s", "$var wire 1 ! a $end\n") + "#9223372036 1!\n");
        assertThat(log.lines).containsExactly("9223372036000000000 t.a 1", "end 9223372036000000000");
        assertThatThrownBy(() -> ChangeLog.read(header("1 s", "$var wire 1 ! a $end\n") + "#9223372037\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:1: time stamp #9223372037 is beyond 9223372036854775807 ns at this timescale");
    }

    @Test
    void aRepeatedTimeStampIsTheSameTime() {
        ChangeLog log = ChangeLog.read(header("1ns", "$var wire 1 ! a $end\n") + "#5 1!\n#5 0!\n#7 1!\n");
        assertThat(log.lines).containsExactly("5 t.a 1", "5 t.a 0", "7 t.a 1", "end 7");
    }

    @Test
    void aTimescaleWithoutAUnitIsRefused() {
        assertThatThrownBy(() -> ChangeLog.read("$timescale 10 $end\n$enddefinitions $end\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:1:12: timescale '10' is not 1, 10 or 100 followed by s, ms, us, ns, ps or fs");
    }

    // ---- declarations ------------------------------------------------------------------------------

    @Test
    void widthsUpToTheLargestTokenAreDeclaredAndOneBitMoreIsRefused() {
        ChangeLog log = ChangeLog.read("$var wire 16777216 ! huge $end\n$enddefinitions $end\n");
        assertThat(log.header.signals().get(0).width()).isEqualTo(16_777_216);
        assertThatThrownBy(() -> ChangeLog.read("$var wire 16777217 ! huge $end\n$enddefinitions $end\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:1:11: $var size 16777217 is out of range (1 to 16777216 bits)");
    }

    @Test
    void aReferenceThatIsOnlyABitRangeKeepsIt() {
        ChangeLog log = ChangeLog.read("$var wire 8 ! [7:0] $end\n$enddefinitions $end\n");
        assertThat(log.header.signals().get(0).path()).isEqualTo("[7:0]");
    }

    @Test
    void anIdentifierCodeWithANonAsciiCharacterIsRefusedAtThatCharacter() {
        assertThatThrownBy(() -> ChangeLog.read("$var wire 1 !!\u00e9 a $end\n$enddefinitions $end\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:1:15: identifier code '!!\u00e9' has a character that is not printable ASCII"
                        + " (allowed: ! to ~)");
    }

    /** Codes of one character, up to nine (packed) and longer (looked up by name) all find their signals. */
    @Test
    void codesOfEveryLengthFindTheirSignals() {
        String nine = "abcdefghi";
        String ten = "abcdefghij";
        String eleven = "abcdefghijk";
        ChangeLog log = ChangeLog.read(header("1ns", "$var wire 1 ! one $end\n$var wire 1 " + nine + " nine $end\n"
                + "$var wire 1 " + ten + " ten $end\n$var wire 1 " + eleven + " eleven $end\n")
                + "#1 1" + ten + " 1" + nine + " 0" + eleven + " 1!\n");
        assertThat(log.lines).containsExactly("1 t.ten 1", "1 t.nine 1", "1 t.eleven 0", "1 t.one 1", "end 1");
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire 1 " + ten + " ten $end\n") + "#1 1abcdefghiX\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:5: value change for unknown identifier code 'abcdefghiX' (declared codes: 1)");
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire 1 ! a $end\n") + "#1 1abcdefghijk\n"))
                .as("a long code in a file that declares none")
                .hasMessage("t.vcd:6:5: value change for unknown identifier code 'abcdefghijk' (declared codes: 1)");
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire 1 ! a $end\n") + "#1 1abcdefghi\n"))
                .hasMessage("t.vcd:6:5: value change for unknown identifier code 'abcdefghi' (declared codes: 1)");
    }

    @Test
    void aCodeWithAByteOutsidePrintableAsciiIsUnknown() {
        byte[] vcd = (header("1ns", "$var wire 1 ! a $end\n$var wire 1 !! b $end\n") + "#1 1!\u00ff\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readBytes(vcd)).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:7:5: value change for unknown identifier code '!\\xff' (declared codes: 2)");
        byte[] del = (header("1ns", "$var wire 1 ! a $end\n") + "#1 1\u007f\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readBytes(del))
                .hasMessage("t.vcd:6:5: value change for unknown identifier code '\\x7f' (declared codes: 1)");
    }

    /** A code declared again in another scope is the same code: it is not counted twice, and each change reaches both. */
    @Test
    void aCodeDeclaredAgainReachesEverySignalDeclaredWithIt() {
        ChangeLog log = ChangeLog.read("$scope module top $end\n$var wire 1 ! a $end\n$var wire 1 \" b $end\n"
                + "$scope module sub $end\n$var wire 1 \" b_port $end\n$upscope $end\n$upscope $end\n"
                + "$enddefinitions $end\n#3 1\" 0!\n");
        assertThat(log.lines).containsExactly("3 top.b 1", "3 top.sub.b_port 1", "3 top.a 0", "end 3");
        assertThatThrownBy(() -> ChangeLog.read("$var wire 1 ! a $end\n$var wire 1 \" b $end\n$var wire 1 \" c $end\n"
                + "$enddefinitions $end\n#1 1#\n"))
                .hasMessage("t.vcd:5:5: value change for unknown identifier code '#' (declared codes: 2)");
    }

    @Test
    void manyVectorsWithTheirOwnCodesAllRead() {
        StringBuilder vars = new StringBuilder();
        StringBuilder changes = new StringBuilder("#1\n");
        for (int i = 0; i < 40; i++) {
            String code = VcdWriter.code(i);
            vars.append("$var wire 2 ").append(code).append(" v").append(i).append(" $end\n");
            changes.append('b').append(Integer.toBinaryString(i % 4)).append(' ').append(code).append('\n');
        }
        vars.append("$var string 1 ~~ s $end\n");
        changes.append("shello ~~\n");
        ChangeLog log = ChangeLog.read(header("1ns", vars.toString()) + changes);
        assertThat(log.lines).hasSize(41);
        assertThat(log.lines.get(0)).isEqualTo("1 t.v0 b00");
        assertThat(log.lines.get(39)).isEqualTo("1 t.v39 b11");
        assertThat(log.lines.get(17)).isEqualTo("1 t.v17 b01");
    }

    // ---- values --------------------------------------------------------------------------------------

    @Test
    void aScalarValueForAVectorIsExtendedToItsWidth() {
        ChangeLog log = ChangeLog.read(header("1ns", "$var wire 4 ! bus $end\n$var wire 1 \" bit $end\n")
                + "#1 1! 1\"\n#2 x!\n#3 z!\n#4 0!\n");
        assertThat(log.lines).containsExactly("1 t.bus b0001", "1 t.bit 1", "2 t.bus bxxxx", "3 t.bus bzzzz",
                "4 t.bus b0000", "end 4");
    }

    @Test
    void aScalarValueForARealIsRefused() {
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var real 64 ! kv $end\n") + "#1 1!\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:4: scalar value '1!' for real signal 't.kv' (expected r<number>)");
    }

    /** Extra leading bits are fine when they change nothing: zeros, or the x or z the kept value starts with. */
    @ParameterizedTest(name = "{0} into {1} bits")
    @CsvSource({
        "0110, 3, b110",
        "0010, 3, b010",
        "xx10, 3, bx10",
        "zz01, 3, bz01",
        "zzz1, 3, bzz1",
        "0z10, 3, bz10",
        "0001, 1, 1",
        "xxx, 1, x",
    })
    void aLongerVectorValueIsCutWhenItsExtraBitsChangeNothing(String bits, int width, String delivered) {
        ChangeLog log = ChangeLog.read(header("1ns", "$var wire " + width + " ! v $end\n") + "#1 b" + bits + " !\n");
        assertThat(log.lines).containsExactly("1 t.v " + delivered, "end 1");
    }

    @ParameterizedTest(name = "{0} into {1} bits")
    @CsvSource({
        "1110, 3",
        "zx10, 3",
        "xz10, 3",
        "1x10, 3",
        "x110, 3",
        "10, 1",
    })
    void aLongerVectorValueWhoseExtraBitsMatterIsRefused(String bits, int width) {
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire " + width + " ! v $end\n") + "#1 b" + bits + " !\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:4: vector value of " + bits.length() + " bits for signal 't.v' declared " + width
                        + " bits wide");
    }

    @Test
    void vectorAndRealValuesForAStringVariableAreRefused() {
        String vcd = header("1ns", "$var string 1 ! name $end\n");
        assertThatThrownBy(() -> ChangeLog.read(vcd + "#1 b101 !\n")).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:4: vector value 'b101' for a string variable");
        assertThatThrownBy(() -> ChangeLog.read(vcd + "#1 r1.5 !\n"))
                .hasMessage("t.vcd:6:4: real value 'r1.5' for a string variable");
        assertThatThrownBy(() -> ChangeLog.read(vcd + "#1 1!\n"))
                .hasMessage("t.vcd:6:4: scalar value '1!' for a string variable");
    }

    @Test
    void aStringValueForAnotherKindOfSignalNamesTheValue() {
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire 4 ! bus $end\n") + "#1 b1010 ! sready !\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:12: string value 'sready' for a signal that is not a string variable");
    }

    /** Reals with more significant digits than a long holds are read exactly, even when they are 2^64. */
    @Test
    void realsWithTwentySignificantDigitsReadExactly() {
        ChangeLog log = ChangeLog.read(header("1ns", "$var real 64 ! r $end\n")
                + "#1 r18446744073709551616 !\n#2 r1844674407370955161.6 !\n#3 r0.18446744073709551616e20 !\n");
        assertThat(log.lines).containsExactly("1 t.r r" + 0x1p64, "2 t.r r" + Double.parseDouble("1844674407370955161.6"),
                "3 t.r r" + 0x1p64, "end 3");
    }

    // ---- messages ------------------------------------------------------------------------------------

    @Test
    void aLongUnknownCodeIsQuotedShortWithItsLength() {
        String code = "!".repeat(50);
        assertThatThrownBy(() -> ChangeLog.read(header("1ns", "$var wire 1 \" a $end\n") + "#1 1" + code + "\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:6:5: value change for unknown identifier code '" + "!".repeat(40)
                        + "...(50 bytes)' (declared codes: 1)");
    }

    @Test
    void aTokenLongerThanTheLargestIsRefused() {
        ByteArrayOutputStream vcd = new ByteArrayOutputStream();
        byte[] start = "$var wire 1 ! ".getBytes(StandardCharsets.US_ASCII);
        vcd.write(start, 0, start.length);
        byte[] name = new byte[VcdInput.MAX_TOKEN_BYTES + 1];
        java.util.Arrays.fill(name, (byte) 'n');
        vcd.write(name, 0, name.length);
        byte[] end = " $end\n$enddefinitions $end\n".getBytes(StandardCharsets.US_ASCII);
        vcd.write(end, 0, end.length);
        assertThatThrownBy(() -> readBytes(vcd.toByteArray())).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:1:15: token longer than 16777216 bytes (tokens are separated by white space): '"
                        + "n".repeat(40) + "'...");
    }
}
