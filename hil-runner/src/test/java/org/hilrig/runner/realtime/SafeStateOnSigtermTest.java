package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run --rig fixtures/rigs/emulated-gen-pty.yaml} in its own process (the test class path, so
 * the emulated GEN runs inside it on Pi4J's mock GPIO and a socat pty pair), sent SIGTERM while the board
 * is exposing. The board's side, printed by its bench when the rig's shutdown hook ends it, shows the
 * handswitch released and HV and X-ray off; no results were written.
 */
class SafeStateOnSigtermTest {
    @TempDir
    Path dir;

    @Test
    void sigtermDuringAnExposureReleasesTheHandswitchAndTheBoardTurnsHvOff() throws Exception {
        Path scenario = dir.resolve("rt-sigterm-001.yaml");
        Files.writeString(scenario, """
                id: RT-SIGTERM-001
                title: A 5 s exposure, interrupted by SIGTERM
                requirements: [REQ-EXP-001]
                tags: [realtime]
                board: GEN
                steps:
                  - send: {command: SMA, args: [100], reply: ACK, within: 1s}
                  - send: {command: SMS, args: [5000], reply: ACK, within: 1s}
                  - set: {PREP_REQ: active}
                  - await: {signal: READY, is: active, within: 3s}
                  - set: {EXP_REQ_A: active, EXP_REQ_B: active}
                  - wait: 10s
                """);
        Path out = dir.resolve("out");
        try (HilProcess run = HilProcess.startWith(new String[] {"-Dhil.bench.report=true"}, org.hilrig.runner.cli.Hil.class,
                "run", "--rig", "fixtures/rigs/emulated-gen-pty.yaml", "--out", out.toString(), scenario.toString())) {
            run.lineStartingWith("board: XRAY_ON active", 60);

            run.terminate();

            assertThat(run.lineStartingWith("board: ", 20)).isEqualTo("board: settled PREP_REQ=inactive EXP_REQ_A=inactive"
                    + " EXP_REQ_B=inactive HV_ENABLE=inactive XRAY_ON=inactive");
            assertThat(run.waitForExit(20)).isEqualTo(143);
        }
        assertThat(out.resolve("results.json")).doesNotExist();
    }
}
