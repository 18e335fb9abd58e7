package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil check} on VCD files written by Icarus Verilog: test benches with delays known to the
 * nanosecond, compiled with {@code iverilog} and run with {@code vvp}; the JSON must give exactly those
 * latencies and intervals.
 */
class CheckIcarusTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path simulate(String bench) throws Exception {
        Files.writeString(dir.resolve("tb.v"), bench);
        InstalledProgram.run("iverilog", dir, "iverilog", "-o", "tb.vvp", "tb.v");
        InstalledProgram.run("iverilog", dir, "vvp", "tb.vvp");
        Path vcd = dir.resolve("tb.vcd");
        assertThat(vcd).as("vvp wrote the dump file").exists();
        return vcd;
    }

    private JsonNode check(Path vcd, String rules, int expectedExit) throws Exception {
        Path rulesFile = Files.writeString(dir.resolve("rules.yaml"), rules);
        int exit = Hil.run(new String[] {"check", vcd.toString(), "--rules", rulesFile.toString(), "--json"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(expectedExit);
        return JSON.readTree(out.toString());
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void latenciesAndOverlapsOfANanosecondBenchAreExact() throws Exception {
        Path vcd = simulate("""
                `timescale 1ns/1ps
                module tb;
                  reg door = 1'b1;
                  reg hv = 1'b1;
                  reg xray = 1'b1;
                  wire hv_off = ~hv;
                  reg [3:0] state = 4'h0;
                  real kv = 80.0;
                  initial begin
                    $dumpfile("tb.vcd");
                    $dumpvars(0, tb);
                    #5000 door = 1'b0; state = 4'h1;
                    #412  hv = 1'b0; kv = 40.0;
                    #18   xray = 1'b0;
                    #570  door = 1'b1; hv = 1'bx;
                    #100  hv = 1'b1; xray = 1'b1; state = 4'hx;
                    #900  door = 1'b0;
                    #1500 hv = 1'b0;
                    #500  xray = 1'bz;
                    #250  xray = 1'b0;
                    #750  door = 1'b1;
                    #10   door = 1'b0;
                    #1090 $finish;
                  end
                endmodule
                """);

        JsonNode result = check(vcd, """
                rules:
                  - id: DOOR-HV
                    after: door falls
                    expect: tb.hv falls
                    within: 1us
                  - id: HV-BACK
                    after: door rises
                    expect: hv rises
                    within: [50ns, 200ns]
                  - id: HV-OFF-FOLLOWS
                    after: hv falls
                    expect: hv_off rises
                    within: 0ns
                  - id: NO-XRAY-WITH-DOOR-OPEN
                    never: xray high while door low
                """, 1);

        assertThat(result.get("uncertainty_ns").asLong()).as("a 1 ps timescale, rounded up").isEqualTo(1);
        assertThat(result.get("end_ns").asLong()).isEqualTo(11_100);
        assertThat(result.at("/rules/0/occurrences")).isEqualTo(json("""
                [{"trigger_ns": 5000, "response_ns": 5412, "latency_ns": 412, "status": "pass"},
                 {"trigger_ns": 7000, "response_ns": 8500, "latency_ns": 1500, "status": "fail"},
                 {"trigger_ns": 10010, "response_ns": null, "latency_ns": null, "status": "fail"}]"""));
        assertThat(result.at("/rules/0/worst_latency_ns").asLong()).isEqualTo(1500);
        assertThat(result.at("/rules/1/occurrences")).as("hv rises through x at 6100").isEqualTo(json("""
                [{"trigger_ns": 6000, "response_ns": 6100, "latency_ns": 100, "status": "pass"},
                 {"trigger_ns": 10000, "response_ns": null, "latency_ns": null, "status": "fail"}]"""));
        assertThat(result.at("/rules/2/occurrences")).as("a continuous assignment changes in the same step")
                .isEqualTo(json("""
                [{"trigger_ns": 5412, "response_ns": 5412, "latency_ns": 0, "status": "inconclusive"},
                 {"trigger_ns": 8500, "response_ns": 8500, "latency_ns": 0, "status": "inconclusive"}]"""));
        assertThat(result.at("/rules/3/violations")).as("the z after a certain overlap adds nothing").isEqualTo(json("""
                [{"start_ns": 5000, "end_ns": 5430, "duration_ns": 430, "status": "fail"},
                 {"start_ns": 7000, "end_ns": 9000, "duration_ns": 2000, "status": "fail"}]"""));
        assertThat(result.get("status").asText()).isEqualTo("fail");
    }

    @Test
    void aCoarseTimescaleMakesLatenciesNearTheLimitInconclusive() throws Exception {
        Path vcd = simulate("""
                `timescale 1us/100ns
                module tb;
                  reg trigger = 1'b0;
                  reg answer = 1'b0;
                  initial begin
                    $dumpfile("tb.vcd");
                    $dumpvars(0, tb);
                    #5   trigger = 1'b1;
                    #1.0 answer = 1'b1;
                    #4   trigger = 1'b0; answer = 1'b0;
                    #5   trigger = 1'b1;
                    #0.8 answer = 1'b1;
                    #4.2 trigger = 1'b0; answer = 1'b0;
                    #5   trigger = 1'b1;
                    #1.2 answer = 1'b1;
                    #3.8 $finish;
                  end
                endmodule
                """);

        JsonNode result = check(vcd, """
                rules:
                  - id: ANSWER
                    after: trigger rises
                    expect: answer rises
                    within: 1us
                """, 1);

        assertThat(result.get("uncertainty_ns").asLong()).as("a 100 ns timescale").isEqualTo(100);
        assertThat(result.at("/rules/0/occurrences")).isEqualTo(json("""
                [{"trigger_ns": 5000, "response_ns": 6000, "latency_ns": 1000, "status": "inconclusive"},
                 {"trigger_ns": 15000, "response_ns": 15800, "latency_ns": 800, "status": "pass"},
                 {"trigger_ns": 25000, "response_ns": 26200, "latency_ns": 1200, "status": "fail"}]"""));
        assertThat(result.at("/rules/0/status").asText()).isEqualTo("fail");
    }
}
