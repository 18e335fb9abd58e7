package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VCD written by Icarus Verilog from a test bench with known delays reads back with exact times. The
 * bench also pauses dumping ({@code $dumpoff}: every variable x, reals NaN) and resumes it.
 */
class IcarusVerilogVcdTest {
    private static final String TEST_BENCH = """
            `timescale 1ns/1ps
            module tb;
              reg door_closed;
              reg hv_enable;
              reg [7:0] status;
              reg [3:0] nibble;
              real kv;
              initial begin
                $dumpfile("tb.vcd");
                $dumpvars(0, tb);
                door_closed = 1; hv_enable = 1; status = 8'h05; nibble = 4'bxz01; kv = 0.0;
                #5000 door_closed = 0;
                #412 hv_enable = 0;
                #0.5 status = 8'hA5; kv = 3.3;
                #100.25 kv = -1.5e-3; nibble = 4'bz;
                #100 $dumpoff;
                #100 $dumpon;
                #800 $finish;
              end
              monitor u_mon(.hv(hv_enable));
            endmodule

            module monitor(input hv);
              wire hv_off = ~hv;
            endmodule
            """;

    @TempDir
    static Path dir;
    static ChangeLog log;

    @BeforeAll
    static void simulate() throws Exception {
        ExternalTool.requireInstalled("iverilog", "iverilog");
        ExternalTool.requireInstalled("vvp", "iverilog");
        Files.writeString(dir.resolve("tb.v"), TEST_BENCH);
        ExternalTool.run(dir, "iverilog", "-o", "tb.vvp", "tb.v");
        ExternalTool.run(dir, "vvp", "-n", "tb.vvp");
        log = new ChangeLog();
        VcdReader.read(dir.resolve("tb.vcd"), log);
    }

    @Test
    void declaresEveryVariableWithItsScopePathKindAndWidth() {
        assertThat(log.header.signals()).extracting(SignalInfo::path, SignalInfo::kind, SignalInfo::width)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("tb.door_closed", SignalKind.DIGITAL, 1),
                        org.assertj.core.groups.Tuple.tuple("tb.hv_enable", SignalKind.DIGITAL, 1),
                        org.assertj.core.groups.Tuple.tuple("tb.status", SignalKind.VECTOR, 8),
                        org.assertj.core.groups.Tuple.tuple("tb.nibble", SignalKind.VECTOR, 4),
                        org.assertj.core.groups.Tuple.tuple("tb.kv", SignalKind.REAL, 64),
                        org.assertj.core.groups.Tuple.tuple("tb.u_mon.hv", SignalKind.DIGITAL, 1),
                        org.assertj.core.groups.Tuple.tuple("tb.u_mon.hv_off", SignalKind.DIGITAL, 1));
        assertThat(log.header.resolutionPicos()).isEqualTo(1);
    }

    @Test
    void doorFallsAt5000NsAndHvEnableFalls412NsLater() {
        assertThat(log.of("tb.door_closed")).startsWith("0 tb.door_closed 1", "5000 tb.door_closed 0");
        assertThat(log.of("tb.hv_enable")).startsWith("0 tb.hv_enable 1", "5412 tb.hv_enable 0");
    }

    @Test
    void aPortSharingItsParentsIdentifierCodeGetsTheSameChanges() {
        assertThat(log.of("tb.u_mon.hv")).isEqualTo(log.of("tb.hv_enable").stream()
                .map(l -> l.replace("tb.hv_enable", "tb.u_mon.hv")).toList());
        assertThat(log.of("tb.u_mon.hv_off")).startsWith("0 tb.u_mon.hv_off 0", "5412 tb.u_mon.hv_off 1");
    }

    @Test
    void vectorsAreExtendedToTheirWidthAndPicosecondTimesRoundToTheNearestNanosecond() {
        // 5412.5 ns rounds up to 5413; 5512.75 ns to 5513. Icarus writes b101 for 8'h05 and bz for 4'bz.
        assertThat(log.of("tb.status")).startsWith("0 tb.status b00000101", "5413 tb.status b10100101");
        assertThat(log.of("tb.nibble")).startsWith("0 tb.nibble bxz01", "5513 tb.nibble bzzzz");
    }

    @Test
    void realsReadBackExactly() {
        assertThat(log.of("tb.kv")).startsWith("0 tb.kv r0.0", "5413 tb.kv r3.3", "5513 tb.kv r-0.0015");
    }

    @Test
    void dumpoffMakesEverythingUnknownAndDumponRestoresTheValues() {
        assertThat(log.of("tb.door_closed")).containsExactly("0 tb.door_closed 1", "5000 tb.door_closed 0",
                "5613 tb.door_closed x", "5713 tb.door_closed 0");
        assertThat(log.of("tb.hv_enable")).containsExactly("0 tb.hv_enable 1", "5412 tb.hv_enable 0",
                "5613 tb.hv_enable x", "5713 tb.hv_enable 0");
        assertThat(log.of("tb.u_mon.hv_off")).containsExactly("0 tb.u_mon.hv_off 0", "5412 tb.u_mon.hv_off 1",
                "5613 tb.u_mon.hv_off x", "5713 tb.u_mon.hv_off 1");
        assertThat(log.of("tb.status")).containsExactly("0 tb.status b00000101", "5413 tb.status b10100101",
                "5613 tb.status bxxxxxxxx", "5713 tb.status b10100101");
        assertThat(log.of("tb.nibble")).containsExactly("0 tb.nibble bxz01", "5513 tb.nibble bzzzz",
                "5613 tb.nibble bxxxx", "5713 tb.nibble bzzzz");
        assertThat(log.of("tb.kv")).containsExactly("0 tb.kv r0.0", "5413 tb.kv r3.3", "5513 tb.kv r-0.0015",
                "5613 tb.kv rNaN", "5713 tb.kv r-0.0015");
    }

    @Test
    void theTraceEndsAtTheLastTimeStamp() {
        assertThat(log.lines).last().isEqualTo("end 6513");
    }
}
