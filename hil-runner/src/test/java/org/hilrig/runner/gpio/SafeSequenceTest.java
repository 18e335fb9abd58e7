package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeSequenceTest {
    /**
     * The child's standard output carries only what it prints itself; the JVM's own messages (such as
     * "Picked up JAVA_TOOL_OPTIONS", which CI machines provoke) go to standard error, kept in a file and
     * shown when the test fails, never read as the child's answer.
     */
    @Test
    void aRigProcessStoppedBySigtermReturnsItsOutputsToTheSafeState(@TempDir Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = dir.resolve("stderr.txt");
        Process rig = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SafeStateOnSigtermMain.class.getName()).redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(rig.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as(() -> "its first line; standard error: " + read(stderr))
                    .isEqualTo("driven 17=0 23=0 18=0");

            rig.toHandle().destroy(); // SIGTERM, keeping our end of its pipes open (Process.destroy closes them)

            assertThat(out.readLine()).as(() -> "after SIGTERM; standard error: " + read(stderr))
                    .isEqualTo("safe 17=1 23=1 18=1");
            assertThat(rig.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rig.exitValue()).isEqualTo(143);
        } finally {
            rig.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Test
    void aSafeStateThatFailsAfterTheSequenceFailedIsKeptAsSuppressed() {
        RigFixture fixture = RigLinesContract.fixture("sim");
        ManualClock clock = new ManualClock();
        RigLines lines = WiredLines.open(fixture, clock, claims -> new RefusingPins(
                new SimulatedPins(clock, 0).claim(claims), RigLinesContract.AEC));

        assertThatThrownBy(() -> SafeSequence.run(lines, l -> {
            throw new IllegalStateException("step failed");
        })).hasMessage("step failed").satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                .isInstanceOf(RigFailureException.class)
                .extracting(Throwable::getMessage)
                .isEqualTo("rig contract: safe state not reached on AEC_STOP (GPIO 18 refuses)"));
    }

    @Test
    void aSafeStateThatFailsAfterANormalEndIsThrown() {
        RigFixture fixture = RigLinesContract.fixture("sim");
        ManualClock clock = new ManualClock();
        SimulatedPins pins = new SimulatedPins(clock, 0);
        RigLines lines = WiredLines.open(fixture, clock, claims -> new RefusingPins(pins.claim(claims), RigLinesContract.AEC));

        assertThatThrownBy(() -> SafeSequence.run(lines, l -> l.drive(HardwareLine.valueOf("PREP_REQ"), true)))
                .isInstanceOf(RigFailureException.class)
                .hasMessage("rig contract: safe state not reached on AEC_STOP (GPIO 18 refuses)");
        assertThat(pins.isHigh(RigLinesContract.PREP)).as("the other outputs still reached it").isTrue();
    }

    /** Pins where one output refuses every write after the first (its initial level). */
    static final class RefusingPins implements ElectricalPins {
        private final ElectricalPins pins;
        private final int refusing;

        RefusingPins(ElectricalPins pins, int refusing) {
            this.pins = pins;
            this.refusing = refusing;
        }

        @Override
        public void set(int bcmPin, boolean high) {
            if (bcmPin == refusing) {
                throw new RigFailureException("GPIO " + bcmPin + " refuses");
            }
            pins.set(bcmPin, high);
        }

        @Override
        public boolean isHigh(int bcmPin) {
            return pins.isHigh(bcmPin);
        }

        @Override
        public void listen(PinEdgeSink sink) {
            pins.listen(sink);
        }

        @Override
        public void close() {
            pins.close();
        }
    }
}
