package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.io.SocatPtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second rig of DESIGN.md end to end: {@code hil emulate} in its own process, {@code hil run --rig} with
 * a serial-only fixture in another, the scenarios tagged {@code serial} (they need the serial link alone),
 * over a socat pty pair and over TCP: every reply held to the profile's 5 ms, every scenario passes where the
 * rig can tell (see {@link #assertTheSerialScenariosPassed}).
 */
class EmulateEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void serialScenariosPassAgainstHilEmulateOverAPtyPair() throws Exception {
        // the emulator below the cable and the rig, with its default pacer (no busy-wait: at real-time priority a
        // spin before each event, every 50 us in an exposure, keeps socat and the kernel's tty work off its CPU)
        try (SocatPtyPair pair = SocatPtyPair.start(50);
             HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--serial", pair.second(), "--rt-priority", "40")) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).startsWith("emulating GEN fw 1.0.0 on " + pair.second());
            Path fixture = dir.resolve("emulate-gen-serial.yaml");
            Files.writeString(fixture, "rig: e2e-serial\nboard: GEN\nserial: {path: " + pair.first() + ", baud: 115200}\n"
                    + "wire: uart\nframe_uncertainty: 1ms\nrealtime: {priority: 50, cpu_latency: 0us}\n");

            assertTheSerialScenariosPassed(run(fixture));
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    @Test
    void serialScenariosPassAgainstHilEmulateOverTcp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--tcp", Integer.toString(port), "--rt-priority", "40")) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).isEqualTo("emulating GEN fw 1.0.0 on tcp port " + port + " on 127.0.0.1; Ctrl-C to stop");
            Path fixture = dir.resolve("emulate-gen-tcp.yaml");
            Files.writeString(fixture, "rig: e2e-tcp\nboard: GEN\ntcp: {host: 127.0.0.1, port: " + port + "}\n"
                    + "wire: uart\nframe_uncertainty: 1ms\nrealtime: {priority: 50}\n");

            assertTheSerialScenariosPassed(run(fixture));
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    /**
     * Runs {@code hil run --rig FIXTURE --tags serial} in its own process, without the user's results database
     * (shared by every checkout on the machine, so possibly of a newer schema); its results' scenarios.
     */
    private JsonNode run(Path fixture) throws Exception {
        Path out = dir.resolve("out-" + fixture.getFileName());
        try (HilProcess run = HilProcess.hil("run", "--rig", fixture.toString(), "--tags", "serial", "--out", out.toString(),
                "--no-db")) {
            int exit = run.waitForExit(120);
            assertThat(exit).as(run.output()).isIn(0, 1);
        }
        return new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("scenarios");
    }

    /**
     * Every scenario of the serial library ran, and none failed or erred: each passed, or was inconclusive
     * only for a limit lying inside the uncertainty the rig declared (this shared machine's tty work waits
     * for a CPU under load, and the rig says so rather than judge: {@link UndecidedLimit}, the engine's words and
     * numbers); a reply never measured negative.
     */
    private static void assertTheSerialScenariosPassed(JsonNode scenarios) {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : scenarios) {
            ids.add(s.get("id").asText());
            assertThat(s.get("status").asText()).as(s.toString()).isIn("pass", "inconclusive");
            if (s.get("status").asText().equals("inconclusive")) {
                UndecidedLimit.assertOnlyALimitInsideTheUncertainty(s);
            }
            for (JsonNode m : s.get("measurements")) {
                assertThat(m.get("value_ns").asLong()).as("no reply measured below zero: " + m).isNotNegative();
            }
        }
        assertThat(ids.stream().sorted().toList()).containsExactly("COM-SER-001", "COM-SER-002", "COM-SER-003", "COM-SER-004",
                "COM-SER-005", "COM-SER-006", "COM-SER-007", "COM-SER-008");
    }
}
