package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-written VCD files: what real tools write, and what they must not. */
class VcdReaderTest {
    private static final String TWO_WIRES = """
            $timescale 1ns $end
            $scope module top $end
            $var wire 1 ! a $end
            $var wire 1 " b $end
            $upscope $end
            $enddefinitions $end
            """;

    @Test
    void aSigrokStyleFileWithAOneLineTimescaleAndSeveralChangesPerTimeLineReads() {
        ChangeLog log = ChangeLog.read("""
                $date Fri Nov 27 20:40:00 2026 $end
                $version libsigrok 0.5.2 $end
                $comment
                  Acquisition with 2/13 channels at 200 kHz
                $end
                $timescale 1 us $end
                $scope module libsigrok $end
                $var wire 1 ! D0 $end
                $var wire 1 " D1 $end
                $upscope $end
                $enddefinitions $end
                #0 1! 0"
                #5 0! 1"
                #25 1"
                #100
                """);

        assertThat(log.header.resolutionPicos()).isEqualTo(1_000_000);
        assertThat(log.lines).containsExactly("0 libsigrok.D0 1", "0 libsigrok.D1 0", "5000 libsigrok.D0 0",
                "5000 libsigrok.D1 1", "25000 libsigrok.D1 1", "end 100000");
    }

    @ParameterizedTest(name = "$timescale {0} $end: #{1} is {2} ns, resolution {3} ps")
    @CsvSource({
        "1s, 2, 2000000000, 1000000000000",
        "10 s, 1, 10000000000, 10000000000000",
        "100s, 3, 300000000000, 100000000000000",
        "1 ms, 7, 7000000, 1000000000",
        "10ms, 7, 70000000, 10000000000",
        "100 ms, 7, 700000000, 100000000000",
        "1us, 3, 3000, 1000000",
        "10 us, 3, 30000, 10000000",
        "100us, 3, 300000, 100000000",
        "1 ns, 42, 42, 1000",
        "10ns, 42, 420, 10000",
        "100 ns, 42, 4200, 100000",
        "1ps, 1499, 1, 1",
        "1ps, 1500, 2, 1",
        "10 ps, 149, 1, 10",
        "10 ps, 150, 2, 10",
        "100ps, 15, 2, 100",
        "100ps, 14, 1, 100",
        "1 fs, 1500000, 2, 1",
        "10fs, 149999, 1, 1",
        "100 fs, 25000, 3, 1",
    })
    void everyTimescaleConvertsToNanosecondsRoundingToNearest(String timescale, long time, long nanos, long picos) {
        ChangeLog log = ChangeLog.read("$timescale " + timescale + " $end\n$var wire 1 ! a $end\n$enddefinitions $end\n#"
                + time + "\n1!\n");

        assertThat(log.header.resolutionPicos()).isEqualTo(picos);
        assertThat(log.lines).containsExactly(nanos + " a 1", "end " + nanos);
    }

    @Test
    void aTimescaleSpreadOverLinesAsIcarusWritesItReads() {
        ChangeLog log = ChangeLog.read("$timescale\n\t100ps\n$end\n$var wire 1 ! a $end\n$enddefinitions $end\n#25 1!\n");

        assertThat(log.lines).containsExactly("3 a 1", "end 3");
    }

    @Test
    void keywordsAndValuesMaySeparateWithAnyWhitespace() {
        ChangeLog log = ChangeLog.read("$timescale\t1ns\r\n$end\f$scope\nmodule\ntop\n$end $var\twire\n1 \u000b! a\r\n$end"
                + " $upscope $end $enddefinitions $end #1 1! #2\r\n0!\t#3 x!");

        assertThat(log.lines).containsExactly("1 top.a 1", "2 top.a 0", "3 top.a x", "end 3");
    }

    @Test
    void nestedScopesMakeDottedPaths() {
        ChangeLog log = ChangeLog.read("""
                $scope module rig $end
                $scope task gen $end
                $scope begin inner $end
                $var wire 1 ! hv_enable $end
                $upscope $end
                $var reg 1 " fault $end
                $upscope $end
                $var wire 1 # door_closed $end
                $upscope $end
                $var wire 1 $ outside $end
                $enddefinitions $end
                """);

        assertThat(log.header.signals()).extracting(SignalInfo::path).containsExactly(
                "rig.gen.inner.hv_enable", "rig.gen.fault", "rig.door_closed", "outside");
        assertThat(log.header.signals()).extracting(SignalInfo::reference).containsExactly(
                "hv_enable", "fault", "door_closed", "outside");
        assertThat(log.header.resolutionPicos()).as("no $timescale means 1 ns").isEqualTo(1000);
        assertThat(log.lines).containsExactly("end 0");
    }

    @Test
    void aCodeDeclaredInSeveralScopesDeliversEachChangeToEverySignal() {
        ChangeLog log = ChangeLog.read("""
                $scope module tb $end
                $var wire 1 # clk $end
                $scope module u1 $end
                $var wire 1 # clk_in $end
                $upscope $end
                $scope module u2 $end
                $var wire 1 # clk_in $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #10 1#
                """);

        assertThat(log.lines).containsExactly("10 tb.clk 1", "10 tb.u1.clk_in 1", "10 tb.u2.clk_in 1", "end 10");
    }

    @Test
    void unknownAndHighImpedanceLevelsReadInEitherCase() {
        ChangeLog log = ChangeLog.read(TWO_WIRES + "#1 x! X\" #2 z! Z\" #3 1! 0\"");

        assertThat(log.lines).containsExactly("1 top.a x", "1 top.b x", "2 top.a z", "2 top.b z",
                "3 top.a 1", "3 top.b 0", "end 3");
    }

    @Test
    void vectorsAreExtendedOnTheLeftAsIeee1364Says() {
        ChangeLog log = ChangeLog.read("""
                $var wire 8 ! bus [7:0] $end
                $var wire 5 " nib[4:0] $end
                $enddefinitions $end
                #0 b1 ! bz01 "
                #1 b10100101 ! bX "
                #2 b0x ! B1 "
                #3 b00000000011 ! b001z1 "
                """);

        assertThat(log.header.signals()).extracting(SignalInfo::path, SignalInfo::kind, SignalInfo::width)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bus", SignalKind.VECTOR, 8),
                        org.assertj.core.groups.Tuple.tuple("nib", SignalKind.VECTOR, 5));
        assertThat(log.lines).containsExactly(
                "0 bus b00000001", "0 nib bzzz01",
                "1 bus b10100101", "1 nib bxxxxx",
                "2 bus b0000000x", "2 nib b00001",
                "3 bus b00000011", "3 nib b001z1", "end 3");
    }

    @Test
    void aSingleBitSelectStaysInTheReferenceSoBitsOfABusKeepDistinctNames() {
        ChangeLog log = ChangeLog.read("$var wire 1 ! data [3] $end\n$var wire 1 \" data [2] $end\n"
                + "$var wire 4 # mem[1] [3:0] $end\n$enddefinitions $end\n#0 1! b1 \" b1111 #\n");

        assertThat(log.header.signals()).extracting(SignalInfo::path).containsExactly("data[3]", "data[2]", "mem[1]");
        assertThat(log.lines).containsExactly("0 data[3] 1", "0 data[2] 1", "0 mem[1] b1111", "end 0");
    }

    @Test
    void realsReadInEveryNotation() {
        ChangeLog log = ChangeLog.read("""
                $var real 64 ! kv $end
                $var realtime 1 " t $end
                $enddefinitions $end
                #0 r3.3 ! R-1e-3 "
                #1 r0 ! r.5 "
                #2 r5. ! r+2.5E+2 "
                #3 rnan ! rInf "
                #4 r-inf ! r12345678901234567890123 "
                """);

        assertThat(log.header.signals()).extracting(SignalInfo::kind, SignalInfo::width)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(SignalKind.REAL, 64));
        assertThat(log.lines).containsExactly("0 kv r3.3", "0 t r-0.001", "1 kv r0.0", "1 t r0.5", "2 kv r5.0",
                "2 t r250.0", "3 kv rNaN", "3 t rInfinity", "4 kv r-Infinity", "4 t r1.2345678901234568E22", "end 4");
    }

    @Test
    void dumpBlocksCommentsAndVersionsMayAppearAmongTheChanges() {
        ChangeLog log = ChangeLog.read(TWO_WIRES + """
                #0
                $dumpvars 1! 0" $end
                $comment half way $end
                #5 $dumpoff x! x" $end
                #6 $dumpon 1! 1" $end
                $date today $end $version 1.0 $end
                #7 $dumpall 0! 1" $end
                """);

        assertThat(log.lines).containsExactly("0 top.a 1", "0 top.b 0", "5 top.a x", "5 top.b x",
                "6 top.a 1", "6 top.b 1", "7 top.a 0", "7 top.b 1", "end 7");
    }

    @Test
    void aStringVariableIsNotDeclaredAndItsValuesAreSkipped() {
        ChangeLog log = ChangeLog.read("$var string 1 ! state $end\n$var wire 1 \" a $end\n$enddefinitions $end\n"
                + "#1 sIDLE ! 1\"\n#2 sRUN !\n");

        assertThat(log.header.signals()).extracting(SignalInfo::path).containsExactly("a");
        assertThat(log.lines).containsExactly("1 a 1", "end 2");
    }

    @Test
    void changesBeforeTheFirstTimeStampAreAtTimeZero() {
        ChangeLog log = ChangeLog.read(TWO_WIRES + "1! 0\"\n#4\n");

        assertThat(log.lines).containsExactly("0 top.a 1", "0 top.b 0", "end 4");
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        Path missing = dir.resolve("missing.vcd");

        assertThatThrownBy(() -> VcdReader.read(missing, new ChangeLog())).isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
    }

    // ---- bad input ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown code            | #1 1%q                  | t.vcd:7:5: value change for unknown identifier code '%q' (declared codes: 2)
        unknown vector code     | #1\\nb10 ?              | t.vcd:8:5: value change for unknown identifier code '?' (declared codes: 2)
        bad value char          | #1 q!                   | t.vcd:7:4: 'q!' is not a value change (expected #time, 0 1 x z and an identifier code, b<bits> or r<real> and a code, or a $keyword)
        scalar without code     | #1 1 !                  | t.vcd:7:4: value '1' without an identifier code (a scalar value and its code are written together, e.g. '1!')
        bad vector bit          | b1021 !                 | t.vcd:7:4: bit '2' in vector value 'b1021' (allowed: 0 1 x z)
        time going backwards    | #10 1! #9 0!            | t.vcd:7:8: time stamp #9 goes back before #10 (line 7)
        non-numeric time        | #12a                    | t.vcd:7:1: time stamp '#12a' is not a whole number of time units
        empty time              | # 1!                    | t.vcd:7:1: time stamp '#' without a number
        negative time           | #-5                     | t.vcd:7:1: time stamp '#-5' is not a whole number of time units
        huge time               | #99999999999999999999   | t.vcd:7:1: time stamp '#99999999999999999999' is too large
        bad real                | r3.3.3 !                | t.vcd:7:1: real value 'r3.3.3' is not a number (e.g. r3.3, r-1e-6)
        real for a wire         | r1 !                    | t.vcd:7:1: real value 'r1' for digital signal 'top.a' (expected 0 1 x z or b<bits>)
        vector too wide         | b10 !                   | t.vcd:7:1: vector value of 2 bits for signal 'top.a' declared 1 bits wide
        stray end               | $end                    | t.vcd:7:1: $end without an open $dumpvars, $dumpall, $dumpon or $dumpoff
        unknown body keyword    | $var wire 1 ! c $end    | t.vcd:7:1: keyword '$var' after $enddefinitions (allowed there: $dumpvars, $dumpall, $dumpon, $dumpoff, $end, $comment, $date, $version)
        time inside dumpvars    | $dumpvars 1! #1 $end    | t.vcd:7:14: time stamp inside $dumpvars opened at 7:1 (missing $end?)
        eof inside dumpvars     | $dumpvars 1!            | t.vcd:7:13: file ends inside $dumpvars opened at 7:1 (no $end)
        eof inside comment      | #1 $comment unfinished  | t.vcd:7:23: file ends inside $comment opened at 7:4 (no $end)
        eof after vector value  | b101                    | t.vcd:7:5: file ends after vector value 'b101' at 7:1 without its identifier code
        """)
    void badChangesAreReportedAtTheirLineAndColumn(String what, String body, String message) {
        String vcd = TWO_WIRES + body.replace("\\n", "\n");

        assertThatThrownBy(() -> ChangeLog.read(vcd)).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing enddefinitions  | $var wire 1 ! a $end\\n#0 1!                     | t.vcd:2:1: '#0' where a declaration keyword is expected (value changes must follow '$enddefinitions $end')
        eof before definitions  | $var wire 1 ! a $end\\n                         | t.vcd:2:1: file ends before $enddefinitions (1 variables declared so far)
        eof inside var          | $var wire 1 ! a                                | t.vcd:1:16: file ends inside $var opened at 1:1 (no $end)
        var missing end         | $var wire 1 ! a\\n$var wire 1 \" b $end          | t.vcd:2:1: '$var' inside $var opened at 1:1 (missing $end?)
        short var               | $var wire 1 ! $end                             | t.vcd:1:1: $var needs a type, size, identifier code and reference, found 3 fields (e.g. '$var wire 1 ! door_closed $end')
        too many var fields     | $var wire 8 ! a [7:0] b c d e $end             | t.vcd:1:29: $var opened at 1:1 has more than 8 fields before $end: 'e' (missing $end?)
        bad var size            | $var wire one ! a $end                         | t.vcd:1:11: $var size 'one' is not a whole number of bits
        zero var size           | $var wire 0 ! a $end                           | t.vcd:1:11: $var size 0 is out of range (1 to 16777216 bits)
        junk after reference    | $var wire 8 ! a junk $end                      | t.vcd:1:17: 'junk' after the reference of $var, where a bit range like [7:0] or $end is expected
        bad timescale number    | $timescale 3 ns $end                           | t.vcd:1:12: timescale '3 ns' is not 1, 10 or 100 followed by s, ms, us, ns, ps or fs
        bad timescale unit      | $timescale 1 ks $end                           | t.vcd:1:12: timescale '1 ks' is not 1, 10 or 100 followed by s, ms, us, ns, ps or fs
        two timescales          | $timescale 1ns $end $timescale 1ps $end        | t.vcd:1:21: second $timescale (a file has one)
        upscope without scope   | $upscope $end                                  | t.vcd:1:1: $upscope without an open $scope
        scope without name      | $scope $end                                    | t.vcd:1:1: $scope without a name (expected '$scope module NAME $end')
        enddefinitions with junk| $enddefinitions junk $end                      | t.vcd:1:17: $enddefinitions opened at 1:1 has more than 0 fields before $end: 'junk' (missing $end?)
        eof in enddefinitions   | $enddefinitions                                | t.vcd:1:16: file ends inside $enddefinitions opened at 1:1 (no $end)
        """)
    void badDeclarationsAreReportedAtTheirLineAndColumn(String what, String header, String message) {
        String vcd = header.replace("\\n", "\n");

        assertThatThrownBy(() -> ChangeLog.read(vcd)).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    @Test
    void aFileTruncatedInsideADeclarationNamesWhereItEnds() {
        String truncated = TWO_WIRES.replace("$upscope $end\n$enddefinitions $end\n", "") + "$var wire 8 # bu";

        assertThatThrownBy(() -> ChangeLog.read(truncated)).isInstanceOf(BadInputException.class)
                .hasMessage("t.vcd:5:17: file ends inside $var opened at 5:1 (no $end)")
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.source()).isEqualTo("t.vcd");
                    assertThat(b.line()).isEqualTo(5);
                    assertThat(b.column()).isEqualTo(17);
                });
    }

    @Test
    void unprintableBytesAreQuotedInMessages() {
        assertThatThrownBy(() -> ChangeLog.read(TWO_WIRES + "#1 \u0001\u00ff!"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("t.vcd:7:4: '\\x01\\xc3\\xbf!' is not a value change");
    }
}
