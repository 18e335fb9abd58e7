package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Read for its diagrams' windows only, a trace costs the report what those windows show: a line that toggles
 * through a long idle stretch is kept only around them, and every diagram is drawn as from the whole trace.
 */
class WaveformsTest {
    private static final long MS = 1_000_000L;

    /** An hour of two ALIVE lines at 10 Hz, a door opening and HV going off twice, a feedback value, one frame. */
    private static Trace idleHourWithTwoMeasurements() {
        Trace t = new Trace();
        int gen = t.declareDigital("gen.alive");
        int tub = t.declareDigital("tub.alive");
        int door = t.declareDigital("plant.door_closed");
        int hv = t.declareDigital("gen.hv_enable");
        int kv = t.declareReal("plant.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.digital(0, hv, Level.HIGH);
        t.real(0, kv, 80.0);
        for (long i = 0; i < 72_000; i++) {
            long at = i * 50 * MS;
            Level l = i % 2 == 0 ? Level.HIGH : Level.LOW;
            t.digital(at, gen, l);
            t.digital(at, tub, l);
            if (i == 20_000) {
                t.digital(at + 1, door, Level.LOW);
                t.digital(at + 400_000, hv, Level.LOW);
                t.real(at + 500_000, kv, 0.0);
                t.frame(at + 900_000, "gen.uart", "tx", new byte[] {2, 'E', 3});
            }
            if (i == 60_000) {
                t.digital(at + 1, door, Level.HIGH);
                t.digital(at + 2 * MS, hv, Level.HIGH);
                t.real(at + 3 * MS, kv, 80.0);
            }
        }
        t.end(3_600_000 * MS);
        return t;
    }

    private static List<MeasurementResult> measurements() {
        return List.of(new MeasurementResult("door_to_hv_off", 399_999, null, MS, 0, Verdict.PASS, 1_000_000 * MS + 1,
                        List.of("plant.door_closed", "gen.hv_enable")),
                new MeasurementResult("hv_back", 2 * MS, null, 10 * MS, 0, Verdict.PASS, 3_000_000 * MS + 1, List.of()));
    }

    @Test
    void diagramsReadFromTheirWindowsOnlyAreTheDiagramsOfTheWholeTrace() {
        Trace t = idleHourWithTwoMeasurements();
        List<long[]> windows = new ArrayList<>();
        for (MeasurementResult m : measurements()) {
            windows.add(TimingDiagram.window(m));
        }

        Waveforms whole = Waveforms.of(t);
        Waveforms windowed = Waveforms.of(t, windows);

        for (MeasurementResult m : measurements()) {
            assertThat(TimingDiagram.of(windowed, m)).as(m.name()).isEqualTo(TimingDiagram.of(whole, m)).contains("<svg");
        }
        assertThat(whole.find("gen.alive").size).isEqualTo(72_000);
        assertThat(windowed.find("gen.alive").size).as("changes kept of a line toggling all hour").isLessThan(10);
        assertThat(windowed.find("plant.door_closed").size).isEqualTo(3);
        assertThat(windowed.frames).hasSize(1);
        assertThat(windowed.endNanos).isEqualTo(whole.endNanos);
    }
}
