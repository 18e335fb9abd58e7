package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.gpio.EmulatedGenBench;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.ScenarioOutcome;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way out of a scenario on the real-time rig leaves the board with its handswitch released and HV
 * off, as the board itself sees it (its pins, read on its pacer thread), by the time the engine returns,
 * that is before anything is reported. The board: an emulated GEN in this process, on a socat pty pair and
 * Pi4J's mock GPIO (the shipped emulated fixture). Each scenario holds a 3 s exposure when its way out comes;
 * its technique is set with generous reply limits, as timing is not what these tests are about.
 */
class SafeStateOnEveryWayOutTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path FIXTURE = HOME.resolve("fixtures/rigs/emulated-gen-pty.yaml");
    private static final String EXPOSING = """
            id: RT-SAFE-001
            title: A long exposure is running when the scenario ends
            requirements: [REQ-EXP-001]
            tags: [realtime]
            board: GEN
            steps:
              - send: {command: SMA, args: [100], reply: ACK, within: 1s}
              - send: {command: SMS, args: [3000], reply: ACK, within: 1s}
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: 3s}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 100ms}
              - wait: 20ms
            """;

    @TempDir
    Path dir;
    private final AtomicReference<EmulatedGenBench.PoweredBoard> board = new AtomicReference<>();

    private ScenarioOutcome run(String lastSteps, Runnable duringExposure) throws Exception {
        Path file = dir.resolve("rt-safe-001.yaml");
        Files.writeString(file, EXPOSING + lastSteps);
        Library library = Library.open(HOME);
        Scenario scenario = library.load(List.of(file)).get(0);
        RealTimeRigs rigs = new RealTimeRigs(RigFixtureLoader.load(FIXTURE), new EmulatedGenBench(board::set));
        Rig rig = rigs.open(11, List.of());
        if (duringExposure != null) {
            Thread t = new Thread(() -> {
                await().atMost(Duration.ofSeconds(10)).until(() -> board.get() != null && boardReads("XRAY_ON"));
                duringExposure.run();
            });
            t.setDaemon(true);
            t.start();
        }
        try {
            return library.engine().run(scenario, rig);
        } finally {
            rig.close();
        }
    }

    /** A board pin's level, read on the board's pacer thread. */
    private boolean boardReads(String line) {
        CompletableFuture<Boolean> level = new CompletableFuture<>();
        board.get().board().inPacer(() -> level.complete(board.get().board().machine().line(line).isHigh()));
        try {
            return level.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the emulated board did not answer: " + e, e);
        }
    }

    /**
     * What the board's pins read after the rig's safe state and before the bench stopped it, which is
     * before the engine returned: the handswitch released, then HV and X-ray off.
     */
    private void assertTheBoardIsSafe() throws Exception {
        assertThat(board.get().atEnd().get(5, TimeUnit.SECONDS)).isEqualTo("settled PREP_REQ=inactive EXP_REQ_A=inactive"
                + " EXP_REQ_B=inactive HV_ENABLE=inactive XRAY_ON=inactive");
    }

    @Test
    void aScenarioThatEndsDuringAnExposureLeavesTheBoardSafe() throws Exception {
        ScenarioOutcome outcome = run("", null);

        assertThat(outcome.verdict()).as(outcome.message()).isIn(Verdict.PASS, Verdict.INCONCLUSIVE);
        assertTheBoardIsSafe();
    }

    @Test
    void aFailedExpectationDuringAnExposureLeavesTheBoardSafe() throws Exception {
        ScenarioOutcome outcome = run("  - expect: {signal: HV_ENABLE, becomes: inactive, within: 5ms}\n", null);

        assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.message()).contains("HV_ENABLE did not become inactive");
        assertTheBoardIsSafe();
    }

    @Test
    void aReplyTimeoutDuringAnExposureLeavesTheBoardSafe() throws Exception {
        ScenarioOutcome outcome = run("  - send: {command: STA, corrupt: crc, reply: ACK}\n", null);

        assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.message()).contains("no reply to");
        assertTheBoardIsSafe();
    }

    @Test
    void aLostLinkDuringAnExposureEndsTheScenarioInErrorAndLeavesTheBoardSafe() throws Exception {
        ScenarioOutcome outcome = run("  - wait: 5s\n", () -> board.get().cable().pullCable());

        assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.ERROR);
        assertThat(outcome.message()).contains("link lost");
        assertThat(outcome.rigBroke()).isTrue();
        assertTheBoardIsSafe();
    }

    /**
     * The cable stops carrying bytes (socat frozen: nobody reads the rig's end) while the rig sends: the
     * buffers fill, the write stalls for the fixture's write timeout (5 s by default), the link is lost.
     */
    @Test
    void aBoardThatStopsReadingDuringAnExposureEndsTheScenarioInErrorAndLeavesTheBoardSafe() throws Exception {
        ScenarioOutcome outcome = run("  - wait: 300ms\n  - send: {command: STA, copies: 50000, reply: unchecked}\n",
                () -> board.get().cable().freeze());

        assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.ERROR);
        assertThat(outcome.message()).contains("(send): serial ").contains("link lost").contains("stopped reading");
        assertThat(outcome.rigBroke()).isTrue();
        assertTheBoardIsSafe();
    }
}
