package org.hilrig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.junit.jupiter.api.Test;

/** The benchmark's session does what it claims: exposures, arcs, heartbeats, and no fault on the way. */
class EmulatorBenchmarkTest {
    @Test
    void theTenMinuteSessionExposesArcsAndStaysFaultFree() {
        Path boards = Path.of("..", "fixtures", "boards");
        byte[][] hb = new byte[256][];
        for (int i = 0; i < 256; i++) {
            hb[i] = Frame.command(i, "HBT").encode();
        }
        for (boolean emulated : new boolean[] {false, true}) {
            Machine m = EmulatorBenchmark.session(BoardProfileLoader.load(boards.resolve("gen-reference.yaml")),
                    BoardProfileLoader.load(boards.resolve("tub-reference.yaml")), hb, emulated);
            int[] hv = {0};
            m.line("HV_ENABLE").onEdge((s, high, t) -> hv[0] += high ? 1 : 0);
            m.runFor(EmulatorBenchmark.SESSION_NANOS);
            assertThat(m.generator().faults()).as("emulated TUB %s", emulated).isEmpty();
            // 15 preps x 5 exposures, and every second exposure re-enables HV once after its arc
            assertThat(hv[0]).isEqualTo(75 + 37);
            assertThat(m.generator().lastExposure().end().name()).isEqualTo("TIMER");
        }
    }
}
