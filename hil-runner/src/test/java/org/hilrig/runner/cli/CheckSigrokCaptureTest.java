package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil check} on a capture of sigrok's demo logic analyser, written as VCD by {@code sigrok-cli}.
 * The same capture is also exported as CSV (one row a sample), from which this test works out the
 * expected edges, latencies and overlaps on its own, sample by sample.
 */
class CheckSigrokCaptureTest {
    private static final long SAMPLE_NANOS = 1_000;
    private static final int SAMPLES = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path vcd;
    /** samples[channel][i]: the level of D{channel} at sample i. */
    private boolean[][] samples;

    @BeforeEach
    void capture() throws Exception {
        InstalledProgram.run("sigrok-cli", dir, "sigrok-cli", "-d", "demo", "--config", "samplerate=1m",
                "--samples", String.valueOf(SAMPLES), "-C", "D0,D1,D2,D3", "-o", "capture.sr");
        InstalledProgram.run("sigrok-cli", dir, "sigrok-cli", "-i", "capture.sr", "-O", "vcd", "-o", "capture.vcd");
        InstalledProgram.run("sigrok-cli", dir, "sigrok-cli", "-i", "capture.sr", "-O", "csv", "-o", "capture.csv");
        vcd = dir.resolve("capture.vcd");
        List<String> rows = Files.readAllLines(dir.resolve("capture.csv")).stream()
                .filter(l -> !l.startsWith(";") && !l.startsWith("logic")).filter(l -> !l.isBlank()).toList();
        assertThat(rows).as("one CSV row a sample").hasSize(SAMPLES);
        samples = new boolean[4][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String[] cells = rows.get(i).split(",");
            for (int c = 0; c < 4; c++) {
                samples[c][i] = cells[c].trim().equals("1");
            }
        }
    }

    /** Times (ns) of sample-to-sample changes of a channel to {@code high}. */
    private List<Long> edges(int channel, boolean toHigh) {
        List<Long> times = new ArrayList<>();
        for (int i = 1; i < SAMPLES; i++) {
            if (samples[channel][i] == toHigh && samples[channel][i - 1] != toHigh) {
                times.add(i * SAMPLE_NANOS);
            }
        }
        return times;
    }

    /** Each element of a JSON array as compact text (numbers compare by value, whatever their Java type). */
    private static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(e -> lines.add(e.toString()));
        return lines;
    }

    private JsonNode check(String rules) throws Exception {
        Path rulesFile = Files.writeString(dir.resolve("rules.yaml"), rules);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Hil.run(new String[] {"check", vcd.toString(), "--rules", rulesFile.toString(), "--json"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        JsonNode result = JSON.readTree(out.toString());
        assertThat(exit).isEqualTo(result.get("status").asText().equals("pass") ? 0 : 1);
        return result;
    }

    @Test
    void latenciesMatchTheEdgesOfTheSameCaptureExportedAsCsv() throws Exception {
        long maxNanos = 3_000;
        long uncertainty = SAMPLE_NANOS;
        JsonNode result = check("""
                rules:
                  - id: D0-TO-D1
                    after: D0 rises
                    expect: libsigrok.D1 falls
                    within: 3us
                """);

        ArrayNode expected = JSON.createArrayNode();
        List<Long> responses = edges(1, false);
        for (long trigger : edges(0, true)) {
            Long response = responses.stream().filter(t -> t >= trigger).findFirst().orElse(null);
            var o = expected.addObject().put("trigger_ns", trigger).put("response_ns", response);
            if (response == null) {
                o.putNull("latency_ns").put("status", "fail");
                continue;
            }
            long latency = response - trigger;
            o.put("latency_ns", latency).put("status", latency + uncertainty <= maxNanos ? "pass"
                    : latency - uncertainty > maxNanos ? "fail" : "inconclusive");
        }
        assertThat(result.get("uncertainty_ns").asLong()).as("sigrok writes a 1 us timescale at 1 MHz")
                .isEqualTo(uncertainty);
        assertThat(result.get("end_ns").asLong()).isEqualTo(SAMPLES * SAMPLE_NANOS);
        assertThat(expected.size()).as("the demo pattern has many D0 rises").isGreaterThan(50);
        assertThat(lines(result.at("/rules/0/occurrences"))).containsExactlyElementsOf(lines(expected));
        assertThat(result.at("/rules/0/occurrences").findValuesAsText("status"))
                .as("the demo pattern gives more than one kind of verdict").containsAnyOf("fail", "inconclusive");
    }

    @Test
    void overlapsMatchTheSamplesWhereBothStatesHeld() throws Exception {
        JsonNode result = check("""
                rules:
                  - id: D2-WITHOUT-D3
                    never: D2 high while D3 low
                """);

        ArrayNode expected = JSON.createArrayNode();
        int start = -1;
        for (int i = 0; i <= SAMPLES; i++) {
            boolean both = i < SAMPLES && samples[2][i] && !samples[3][i];
            if (both && start < 0) {
                start = i;
            } else if (!both && start >= 0) {
                expected.addObject().put("start_ns", start * SAMPLE_NANOS).put("end_ns", i * SAMPLE_NANOS)
                        .put("duration_ns", (i - start) * SAMPLE_NANOS).put("status", "fail");
                start = -1;
            }
        }
        assertThat(expected.size()).as("the demo pattern has such overlaps").isGreaterThan(10);
        assertThat(lines(result.at("/rules/0/violations"))).containsExactlyElementsOf(lines(expected));
    }
}
