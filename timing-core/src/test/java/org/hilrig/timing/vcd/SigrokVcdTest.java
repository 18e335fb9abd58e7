package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.trace.TraceHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Logic analyser captures from sigrok-cli's demo device: every transition our reader finds is the one
 * sigrok finds when it decodes the same file into CSV itself, so the truth comes from the tool. And
 * sigrok (the library PulseView is built on) reads the VCD that {@link VcdWriter} writes.
 */
class SigrokVcdTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void sigrokIsInstalled() {
        ExternalTool.requireInstalled("sigrok-cli", "sigrok-cli");
    }

    @ParameterizedTest(name = "{0} Hz sample rate, timescale {1}")
    @CsvSource({
        "200000, 1 us, 1000000",
        "10000000, 100 ns, 100000",
        "50000, 10 us, 10000000",
        "1000, 1 ms, 1000000000",
    })
    void everyTransitionOfADemoCaptureIsWhereSigrokPutsIt(long sampleRateHz, String timescale, long resolutionPicos)
            throws Exception {
        ExternalTool.run(dir, "sigrok-cli", "-d", "demo", "--samples", "2000", "--channels", "D0,D1,D2,D3",
                "--config", "samplerate=" + sampleRateHz, "-O", "vcd", "-o", "capture.vcd");
        String vcd = Files.readString(dir.resolve("capture.vcd"));
        assertThat(vcd).contains("$timescale " + timescale + " $end").containsPattern("\n#\\d+ \\S+ \\S+");

        Transitions ours = new Transitions();
        VcdReader.read(dir.resolve("capture.vcd"), ours);
        List<String> sigroks = sigrokTransitions("capture.vcd");

        assertThat(ours.header.resolutionPicos()).isEqualTo(resolutionPicos);
        assertThat(sigroks).hasSizeGreaterThan(40);
        assertThat(ours.lines).isEqualTo(sigroks);
    }

    @Test
    void sigrokReadsTheTransitionsVcdWriterWrote() throws Exception {
        Trace trace = new Trace();
        int door = trace.declareDigital("rig.door_closed");
        int hv = trace.declareDigital("rig.gen.hv_enable");
        int xray = trace.declareDigital("rig.gen.xray_on");
        trace.digital(0, door, Level.HIGH);
        trace.digital(0, hv, Level.LOW);
        trace.digital(0, xray, Level.LOW);
        trace.digital(1_000, hv, Level.HIGH);
        trace.digital(2_500, xray, Level.HIGH);
        trace.digital(5_000, door, Level.LOW);
        trace.digital(5_412, hv, Level.LOW);
        trace.digital(5_413, xray, Level.LOW);
        trace.digital(9_001, door, Level.HIGH);
        trace.end(12_000);
        try (OutputStream out = new FileOutputStream(dir.resolve("rig.vcd").toFile())) {
            trace.replay(new VcdWriter(out));
        }

        assertThat(sigrokTransitions("rig.vcd")).containsExactly(
                "0 door_closed 1", "0 hv_enable 0", "0 xray_on 0",
                "1000 hv_enable 1", "2500 xray_on 1", "5000 door_closed 0",
                "5412 hv_enable 0", "5413 xray_on 0", "9001 door_closed 1");
    }

    /** sigrok's own decoding of a VCD into CSV samples, as transitions {@code "timeNs reference level"}. */
    private List<String> sigrokTransitions(String file) throws Exception {
        String csv = ExternalTool.run(dir, "sigrok-cli", "-i", file, "-I", "vcd", "-O", "csv:label=channel");
        long nanosPerSample = 0;
        String[] channels = null;
        String[] previous = null;
        long sample = 0;
        List<String> transitions = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.startsWith(";") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("META samplerate: ")) {
                long rate = Long.parseLong(line.substring("META samplerate: ".length()).trim());
                assertThat(1_000_000_000L % rate).as("sample period is whole nanoseconds").isZero();
                nanosPerSample = 1_000_000_000L / rate;
                continue;
            }
            String[] fields = line.split(",");
            if (channels == null) {
                channels = fields;
                continue;
            }
            for (int c = 0; c < fields.length; c++) {
                if (previous == null || !fields[c].equals(previous[c])) {
                    transitions.add(sample * nanosPerSample + " " + channels[c] + " " + fields[c]);
                }
            }
            previous = fields;
            sample++;
        }
        assertThat(nanosPerSample).as("sigrok reported its sample rate").isPositive();
        return transitions;
    }

    /** Our reader's changes as transitions {@code "timeNs reference level"}, repeated values left out. */
    private static final class Transitions implements ChangeListener {
        TraceHeader header;
        final List<String> lines = new ArrayList<>();
        final Map<Integer, Level> last = new HashMap<>();

        @Override
        public void begin(TraceHeader header) {
            this.header = header;
        }

        @Override
        public void digital(long timeNanos, int signalId, Level level) {
            if (last.put(signalId, level) != level) {
                lines.add(timeNanos + " " + header.signals().get(signalId).reference() + " " + level.vcdChar());
            }
        }
    }
}
