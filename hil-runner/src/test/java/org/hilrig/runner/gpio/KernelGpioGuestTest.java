package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rig's GPIO code against a real kernel: gpio-sim chips labelled {@code pinctrl-bcm2711} behind the same
 * character device and uAPI v2 as a Raspberry Pi's, inside the QEMU guest of scripts/gpio-guest (the tag keeps
 * them out of the host's Maven run, where there is no gpio-sim). The test plays the board at the chip's sysfs
 * end of each line. Figures measured on the way are printed as {@code figure ...} lines.
 */
@Tag("kernel-gpio")
class KernelGpioGuestTest {
    static final int PREP = 17;
    static final int DOOR = 23;
    static final int AEC = 18;
    static final int READY = 5;
    static final int HV = 6;
    static final int XRAY = 13;
    static final int FAULT = 26;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The contract's wiring on a gpiod chip, edge uncertainty 0 so an edge carries only the calibration's. */
    static RigFixture fixture(String chipPath, String readyExtra) {
        return RigFixtureLoader.parse("guest.yaml", """
                rig: guest
                board: GEN
                tcp: {host: 127.0.0.1, port: 5020}
                gpio: {provider: gpiod, chip: %s, edge_uncertainty: 0us}
                lines:
                  PREP_REQ:    {pin: 17, direction: output, polarity: active_low,  safe: inactive}
                  DOOR_CLOSED: {pin: 23, direction: output, polarity: active_low,  initial: active, safe: inactive}
                  AEC_STOP:    {pin: 18, direction: output, polarity: active_high, initial: inactive, safe: active}
                  READY:       {pin: 5,  direction: input,  polarity: active_high%s}
                  HV_ENABLE:   {pin: 6,  direction: input,  polarity: active_high}
                  XRAY_ON:     {pin: 13, direction: input,  polarity: active_high}
                  FAULT:       {pin: 26, direction: input,  polarity: active_low}
                """.formatted(chipPath, readyExtra));
    }

    private final MonotonicClock clock = new MonotonicClock();

    /** Awaits on wall time, checking every millisecond (the tests wait for hundreds of single edges). */
    private static ConditionFactory soon() {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }
    private final List<LineEvent> events = new CopyOnWriteArrayList<>();
    private GpioSimChip chip;

    @BeforeEach
    void makeChip() {
        chip = GpioSimChip.create("pinctrl-bcm2711", 58);
    }

    @AfterEach
    void removeChip() {
        chip.close();
    }

    private RigLines open(String readyExtra) {
        RigLines lines = RigLines.open(fixture(chip.chipPath(), readyExtra), clock);
        lines.subscribe(events::add);
        return lines;
    }

    private List<LineEdge> edges(HardwareLine line) {
        return events.stream().filter(e -> e instanceof LineEdge l && l.line() == line).map(e -> (LineEdge) e).toList();
    }

    private List<EdgesLost> losses() {
        return events.stream().filter(e -> e instanceof EdgesLost).map(e -> (EdgesLost) e).toList();
    }

    @Test
    void initialLevelsAreTheKernelsOnInputsAndTheFixturesOnOutputs() {
        chip.pull(READY, true);
        chip.pull(FAULT, false);
        try (RigLines lines = open("")) {
            assertThat(lines.read(HardwareLine.valueOf("READY"))).as("pulled up, active-high").isTrue();
            assertThat(lines.read(HardwareLine.valueOf("FAULT"))).as("pulled down, active-low").isTrue();
            assertThat(lines.read(HardwareLine.valueOf("HV_ENABLE"))).isFalse();
            assertThat(chip.value(PREP)).as("PREP_REQ inactive, active-low: high").isTrue();
            assertThat(chip.value(DOOR)).as("DOOR_CLOSED active, active-low: low").isFalse();
            assertThat(chip.value(AEC)).as("AEC_STOP inactive, active-high: low").isFalse();
            assertThat(events).isEmpty();
        }
    }

    @Test
    void everyEdgeIsStampedInsideTheClockBracketOfTheWriteThatCausedIt() {
        int n = 100;
        long[] afterWrite = new long[n];
        try (RigLines lines = open("")) {
            for (int i = 0; i < n; i++) {
                long before = clock.nowNanos();
                chip.pull(READY, i % 2 == 0);
                long after = clock.nowNanos();
                int count = i + 1;
                soon().until(() -> edges(HardwareLine.valueOf("READY")).size() == count);
                LineEdge e = edges(HardwareLine.valueOf("READY")).get(i);
                assertThat(e.active()).isEqualTo(i % 2 == 0);
                assertThat(e.timeNanos() + e.uncertaintyNanos()).as("edge %d not before its write", i).isGreaterThanOrEqualTo(before);
                assertThat(e.timeNanos() - e.uncertaintyNanos()).as("edge %d not after its write", i).isLessThanOrEqualTo(after);
                afterWrite[i] = e.timeNanos() - before;
            }
            assertThat(losses()).isEmpty();
        }
        Arrays.sort(afterWrite);
        System.out.printf("figure edge stamp after the start of its sysfs write: p50 %d us, max %d us (%d edges)%n",
                afterWrite[n / 2] / 1_000, afterWrite[n - 1] / 1_000, n);
    }

    /**
     * A bounce (five changes, settling high) on a line debounced by 50 ms. When the bounce fits in the period,
     * which it does unless the host stalls the guest for that long, the kernel reports one edge, and the rig
     * places it no earlier than the last change began; otherwise the kernel reports the levels that lasted a
     * period, and every edge is still placed no earlier than the bounce began.
     */
    @Test
    void aDebouncedLineGivesOneEdgeForABounceNeverBeforeTheBounceEnded() {
        long period = 50_000_000;
        try (RigLines lines = open(", debounce: 50ms")) {
            long firstBefore = clock.nowNanos();
            long lastBefore = 0;
            for (int i = 0; i < 5; i++) {
                lastBefore = clock.nowNanos();
                chip.pull(READY, i % 2 == 0); // up, down, up, down, up: settles high
            }
            long lastAfter = clock.nowNanos();
            soon().until(() -> !edges(HardwareLine.valueOf("READY")).isEmpty()
                    && edges(HardwareLine.valueOf("READY")).get(edges(HardwareLine.valueOf("READY")).size() - 1).active());
            await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> edges(HardwareLine.valueOf("READY")).size() % 2 == 1);
            List<LineEdge> seen = edges(HardwareLine.valueOf("READY"));
            for (LineEdge e : seen) {
                assertThat(e.uncertaintyNanos()).as("widened by the period").isGreaterThanOrEqualTo(period);
                assertThat(e.timeNanos() + e.uncertaintyNanos()).as("not before the bounce began").isGreaterThanOrEqualTo(firstBefore);
            }
            assertThat(losses()).isEmpty();
            if (lastAfter - firstBefore < period) {
                assertThat(seen).as("a bounce within the period is one edge").hasSize(1);
                LineEdge e = seen.get(0);
                assertThat(e.timeNanos() + e.uncertaintyNanos()).isGreaterThanOrEqualTo(lastBefore);
                System.out.printf("figure debounced edge (50 ms) placed %d us after the last change began%n",
                        (e.timeNanos() - lastBefore) / 1_000);
            } else {
                System.out.printf("figure the bounce took %d ms, longer than the 50 ms debounce: %d edges%n",
                        (lastAfter - firstBefore) / 1_000_000, seen.size());
            }
        }
    }

    @Test
    void aChipNotLabelledPinctrlIsRefused() {
        try (GpioSimChip other = GpioSimChip.create("gpio-sim-spare", 8)) {
            assertThatThrownBy(() -> RigLines.open(fixture(other.chipPath(), ""), clock))
                    .isInstanceOf(RigFailureException.class)
                    .hasMessage(other.chipPath() + " is " + other.chipName() + " labelled 'gpio-sim-spare', not the"
                            + " Raspberry Pi's GPIO header chip (allowed: a label pinctrl-*, e.g. pinctrl-bcm2711 or"
                            + " pinctrl-rp1): set gpio.chip to that chip (gpiodetect lists them)");
        }
    }

    @Test
    void aLineHeldByAnotherProcessIsReportedBusyAndNothingIsLeftClaimed() throws IOException, InterruptedException {
        Process gpiomon = new ProcessBuilder("gpiomon", "-c", chip.chipName(), Integer.toString(XRAY))
                .redirectErrorStream(true).start();
        try {
            soon().until(() -> GpioSimChip.read(Path.of("/sys/kernel/debug/gpio")).contains("gpiomon"));
            assertThatThrownBy(() -> RigLines.open(fixture(chip.chipPath(), ""), clock))
                    .isInstanceOf(RigFailureException.class)
                    .hasMessageStartingWith("GPIO_V2_GET_LINE_IOCTL on " + chip.chipPath() + " for inputs [5, 6, 13, 26]: ")
                    .hasMessageEndingWith("(busy: another program holds a line; gpioinfo shows which)");
        } finally {
            gpiomon.destroy();
            gpiomon.waitFor(10, TimeUnit.SECONDS);
        }
        try (RigLines lines = open("")) {
            assertThat(lines.read(HardwareLine.valueOf("XRAY_ON"))).as("the line is free again, and so were the others").isFalse();
        }
    }

    @Test
    void aPacedBurstOnTwoLinesLosesNothingAndReportsNoLoss() {
        int n = 200;
        try (RigLines lines = open("")) {
            for (int i = 0; i < n; i++) {
                int line = i % 2 == 0 ? READY : HV;
                chip.pull(line, (i / 2) % 2 == 0);
                int count = i + 1;
                soon().until(() -> events.size() == count);
            }
            assertThat(edges(HardwareLine.valueOf("READY"))).hasSize(n / 2);
            assertThat(edges(HardwareLine.valueOf("HV_ENABLE"))).hasSize(n / 2);
            assertThat(losses()).isEmpty();
        }
    }

    /**
     * The reader is held up while eight lines change, in turn, more often in all than the kernel buffers (1024
     * events): the kernel drops the oldest. What the rig reports lost is exactly what the lines' own sequences
     * lost, plus pulses too short to see, and never more than happened; a marker edge on another line, queued
     * last, shows the read is complete. (One line alone would not do: the kernel folds changes that come faster
     * than the line's interrupt thread runs into one event, and nothing overflows.)
     */
    @Test
    void aBurstThatOverflowsTheKernelBufferReportsTheLinesLossesAndNoneFalse() {
        int toggles = 1600;
        List<Integer> burst = List.of(4, READY, HV, 12, XRAY, 19, 20, 21);
        CountDownLatch hold = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        Map<Integer, Long> lost = new HashMap<>();
        List<LossEvidence> evidence = new CopyOnWriteArrayList<>();
        PinEdgeSink sink = new PinEdgeSink() {
            @Override
            public void edge(int bcmPin, boolean high, long timeNanos, long uncertaintyNanos) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(bcmPin + (high ? "+" : "-"));
            }

            @Override
            public void lost(Set<Integer> bcmPins, long missingEdges, long timeNanos, LossEvidence why) {
                evidence.add(why);
                synchronized (lost) {
                    bcmPins.forEach(p -> lost.merge(p, missingEdges, Long::sum));
                }
            }
        };
        GpioChip gpio = GpioChip.open(chip.chipPath());
        List<PinClaim> inputs = new ArrayList<>();
        for (int p : burst) {
            inputs.add(new PinClaim("GPIO" + p, p, false, false, false, 0));
        }
        inputs.add(new PinClaim("FAULT", FAULT, false, false, false, 0));
        try (KernelEdgeSource source = KernelEdgeSource.open(gpio, inputs, 0, clock)) {
            source.start(sink);
            for (int i = 0; i < toggles; i++) {
                chip.pull(burst.get(i % burst.size()), (i / burst.size()) % 2 == 0);
            }
            chip.pull(FAULT, true);
            hold.countDown();
            soon().until(() -> seen.contains(FAULT + "+"));
            long delivered = seen.size() - 1;
            long reported;
            synchronized (lost) {
                reported = lost.values().stream().mapToLong(Long::longValue).sum();
                assertThat(lost).doesNotContainKey(FAULT);
            }
            EdgeSequenceCheck.Counters c = source.counters();
            System.out.printf("figure overflow: %d changes on 8 lines, %d edges delivered, %d reported lost (%d line gap,"
                    + " %d same edge twice)%n", toggles, delivered, reported, c.lostByLineGap(), c.sameEdgeTwice());
            assertThat(evidence).allMatch(e -> e == LossEvidence.LINE_SEQUENCE_GAP || e == LossEvidence.SAME_EDGE_TWICE);
            assertThat(delivered).as("the kernel buffer dropped some").isLessThan(toggles);
            assertThat(c.lostByLineGap()).as("the dropped events are reported").isPositive();
            assertThat(delivered + reported).as("never more reported than happened").isLessThanOrEqualTo(toggles);
        }
    }

    /**
     * Two lines changed at the same moment from two CPUs, again and again (until the kernel has reordered a few
     * times, 3000 rounds at most): the kernel queues each line's events from its own interrupt thread, so request
     * sequence numbers and time stamps come out of order. The rig reports no loss (none happened: every edge
     * arrives), and hands each read on in time order.
     */
    @Test
    void twoLinesChangingTogetherAreReorderedByTheKernelAndTheRigReportsNoLoss() throws Exception {
        int minRounds = 200;
        int maxRounds = 3000;
        int reorderingsWanted = 5;
        Map<Integer, Semaphore> arrived = Map.of(READY, new Semaphore(0), HV, new Semaphore(0));
        List<long[]> delivered = new CopyOnWriteArrayList<>();
        List<EdgesLost> lost = new CopyOnWriteArrayList<>();
        PinEdgeSink sink = new PinEdgeSink() {
            @Override
            public void edge(int bcmPin, boolean high, long timeNanos, long uncertaintyNanos) {
                delivered.add(new long[] {bcmPin, high ? 1 : 0, timeNanos});
                arrived.get(bcmPin).release();
            }

            @Override
            public void lost(Set<Integer> bcmPins, long missingEdges, long timeNanos, LossEvidence evidence) {
                lost.add(new EdgesLost(Set.of(), missingEdges, timeNanos, evidence));
            }
        };
        GpioChip gpio = GpioChip.open(chip.chipPath());
        List<PinClaim> inputs = List.of(new PinClaim("READY", READY, false, false, false, 0),
                new PinClaim("HV_ENABLE", HV, false, false, false, 0));
        try (KernelEdgeSource source = KernelEdgeSource.open(gpio, inputs, 0, clock)) {
            source.start(sink);
            int[] rounds = {0};
            boolean[] done = {false};
            CyclicBarrier together = new CyclicBarrier(2, () -> {
                // runs once per round, before both boards go on
                done[0] = rounds[0] >= maxRounds || rounds[0] >= minRounds
                        && source.counters().seqnoBackwards() + source.counters().stampsBackwards() >= reorderingsWanted;
                if (!done[0]) {
                    rounds[0]++;
                }
            });
            List<Thread> boards = new ArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int line : List.of(READY, HV)) {
                Thread t = new Thread(() -> {
                    try {
                        for (int r = 0; ; r++) {
                            together.await();
                            if (done[0]) {
                                break;
                            }
                            chip.pull(line, r % 2 == 0);
                            if (!arrived.get(line).tryAcquire(30, TimeUnit.SECONDS)) {
                                throw new AssertionError("GPIO " + line + ": edge " + r + " never arrived");
                            }
                        }
                    } catch (Exception | AssertionError e) {
                        failures.add(e);
                        together.reset();
                    }
                }, "board " + line);
                boards.add(t);
                t.start();
            }
            for (Thread t : boards) {
                t.join();
            }
            assertThat(failures).isEmpty();
            EdgeSequenceCheck.Counters c = source.counters();
            System.out.printf("figure reordering: %d rounds on two lines, request seqno back %d times, stamps back %d"
                    + " times, handed on out of time order %d times (across reads)%n",
                    rounds[0], c.seqnoBackwards(), c.stampsBackwards(), c.deliveredBackwards());
            assertThat(lost).as("no loss happened, none is reported").isEmpty();
            assertThat(delivered).hasSize(2 * rounds[0]);
            assertThat(c.seqnoBackwards() + c.stampsBackwards()).as("the kernel did reorder (else this proves nothing)")
                    .isPositive();
            for (int line : List.of(READY, HV)) {
                List<long[]> mine = delivered.stream().filter(d -> d[0] == line).toList();
                for (int r = 0; r < rounds[0]; r++) {
                    assertThat(mine.get(r)[1]).as("GPIO %d edge %d alternates", line, r).isEqualTo(r % 2 == 0 ? 1 : 0);
                }
            }
        }
    }

    @Test
    void outputsAreDrivenThroughTheKernelAndReadBack() {
        int n = 500;
        long[] widths = new long[n];
        try (RigLines lines = open("")) {
            lines.drive(HardwareLine.valueOf("PREP_REQ"), true);
            assertThat(chip.value(PREP)).as("active-low active: low").isFalse();
            assertThat(lines.read(HardwareLine.valueOf("PREP_REQ"))).isTrue();
            lines.drive(HardwareLine.valueOf("AEC_STOP"), true);
            assertThat(chip.value(AEC)).isTrue();
            lines.drive(HardwareLine.valueOf("PREP_REQ"), false);
            assertThat(chip.value(PREP)).isTrue();
            assertThat(lines.read(HardwareLine.valueOf("PREP_REQ"))).isFalse();
            for (int i = 0; i < n; i++) {
                widths[i] = 2 * lines.drive(HardwareLine.valueOf("DOOR_CLOSED"), i % 2 == 0).uncertaintyNanos();
                assertThat(chip.value(DOOR)).isEqualTo(i % 2 != 0);
            }
            lines.safeState();
            assertThat(chip.value(PREP)).isTrue();
            assertThat(chip.value(DOOR)).isTrue();
            assertThat(chip.value(AEC)).isTrue();
        }
        Arrays.sort(widths);
        System.out.printf("figure output write (GPIO_V2_LINE_SET_VALUES_IOCTL) clock bracket: p50 %d us, p99 %d us,"
                + " max %d us (%d writes)%n", widths[n / 2] / 1_000, widths[n * 99 / 100] / 1_000, widths[n - 1] / 1_000, n);
    }

    /**
     * The jumper check of docs/raspberry-pi.md, through the command line: {@code hil emulate --board GEN --tcp}
     * as the board's link, the fixture's two lines (PREP_REQ out on 17, READY in on 5) on the gpio-sim chip, and a
     * test thread as the jumper, copying what the rig drives on 17 to line 5 (the chip has no wire between lines).
     * The scenario is the docs' own, with the header a scenario file needs; its requirement is a rig self-check,
     * named in a requirement list of this test's own. The verdict is the jumper thread's speed as much as the
     * rig's, so the test asserts the run itself: the measurement is there, and its verdict follows its value.
     */
    @Test
    void theJumperCheckRunsThroughTheCommandLineOnTheKernel() throws Exception {
        Path home = Files.createTempDirectory("hil-loop");
        Path projectHome = Path.of(System.getProperty("hil.home"));
        Files.createDirectories(home.resolve("test-scenarios"));
        Files.writeString(home.resolve("test-scenarios/requirements.yaml"), """
                requirements:
                  - id: REQ-RIG-001
                    text: The rig sees the edge it drives through a jumper within 1 ms.
                """);
        Files.createDirectories(home.resolve("fixtures"));
        Files.createSymbolicLink(home.resolve("fixtures/boards"), projectHome.resolve("fixtures/boards"));
        Path scenario = home.resolve("loopback.yaml");
        Files.writeString(scenario, """
                id: RIG-LOOP-001
                title: The rig sees its own PREP_REQ on READY through a jumper
                requirements: [REQ-RIG-001]
                tags: [loopback]
                board: GEN
                steps:
                  - set: {PREP_REQ: active}
                  - expect: {signal: READY, becomes: inactive, within: 1ms, measure: loopback}
                """);
        Path fixture = home.resolve("my-loopback.yaml");
        Files.writeString(fixture, """
                rig: guest-loopback
                board: GEN
                tcp: {host: 127.0.0.1, port: 5021}
                gpio: {provider: gpiod, chip: %s, edge_uncertainty: 50us}
                lines:
                  PREP_REQ: {pin: 17, direction: output, polarity: active_low, initial: inactive, safe: inactive}
                  READY:    {pin: 5,  direction: input,  polarity: active_high}
                """.formatted(chip.chipPath()));
        String java = System.getProperty("hil.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path jar = Path.of("/hil/hil.jar");
        Process board = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dhil.home=" + projectHome,
                "-jar", jar.toString(), "emulate", "--board", "GEN", "--tcp", "5021")
                .redirectError(home.resolve("board.err").toFile()).start();
        Jumper jumper = new Jumper(chip, PREP, READY);
        Thread wire = new Thread(jumper, "jumper");
        wire.setDaemon(true);
        wire.start();
        try (BufferedReader boardOut = new BufferedReader(new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(boardOut.readLine()).as("the emulated board's first line").startsWith("emulating GEN");
            Path out = home.resolve("out");
            Process run = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dhil.home=" + home,
                    "-jar", jar.toString(), "run", scenario.toString(), "--rig", fixture.toString(), "--no-db",
                    "--out", out.toString()).redirectErrorStream(true).start();
            String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as("hil run: pass (0) or fail (1), not bad input or a rig failure: %s", said)
                    .isIn(0, 1);
            String results = Files.readString(out.resolve("results.json"));
            JsonNode loopback = null;
            for (JsonNode mm : new ObjectMapper().readTree(results).path("scenarios").path(0).path("measurements")) {
                if (mm.path("name").asText().equals("loopback")) {
                    loopback = mm;
                }
            }
            assertThat(loopback).as("the loopback measurement in %s", results).isNotNull();
            long valueNanos = loopback.path("value_ns").asLong();
            String status = loopback.path("status").asText();
            System.out.printf("figure jumper check: loopback %d us +- %d us (%s), the jumper thread's copying included%n",
                    valueNanos / 1_000, loopback.path("uncertainty_ns").asLong() / 1_000, status);
            assertThat(status).isIn("pass", "fail", "inconclusive");
            if (status.equals("pass")) {
                assertThat(valueNanos).isLessThanOrEqualTo(1_000_000);
            } else if (status.equals("fail")) {
                assertThat(valueNanos).isGreaterThan(1_000_000);
            }
            assertThat(jumper.copies()).as("the jumper carried the edges").isPositive();
        } finally {
            jumper.stop();
            board.destroy();
            board.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A wire from a rig output to a rig input of the same gpio-sim chip: it copies the output's level, spinning. */
    private static final class Jumper implements Runnable {
        private final GpioSimChip chip;
        private final int from;
        private final int to;
        private volatile boolean stopped;
        private volatile int copies;

        Jumper(GpioSimChip chip, int from, int to) {
            this.chip = chip;
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            Boolean last = null;
            while (!stopped) {
                boolean high = chip.value(from);
                if (last == null || high != last) {
                    chip.pull(to, high);
                    last = high;
                    copies++;
                }
                Thread.onSpinWait();
            }
        }

        int copies() {
            return copies;
        }

        void stop() {
            stopped = true;
        }
    }

    @Test
    void aRigThatEndsNormallyLeavesEveryOutputSafe() throws Exception {
        assertTheLastLevelsDrivenAreSafe("end", 0);
    }

    @Test
    void aRigThatEndsWithAnExceptionLeavesEveryOutputSafe() throws Exception {
        assertTheLastLevelsDrivenAreSafe("throw", 1);
    }

    @Test
    void aRigStoppedBySigtermLeavesEveryOutputSafe() throws Exception {
        assertTheLastLevelsDrivenAreSafe("wait", 143);
    }

    /**
     * Runs {@link KernelSafeStateMain} in its own JVM and reads what it drove from the kernel's {@code
     * gpio_value} trace events: a released gpio-sim line falls back to its pull, so its level after the process
     * is gone proves nothing; the last value the kernel set on each output before release does. The pulls are
     * the unsafe levels, so a rig that never drove the safe state would show unsafe levels in the trace.
     */
    private void assertTheLastLevelsDrivenAreSafe(String how, int exitCode) throws Exception {
        Map<Integer, Boolean> safeHigh = Map.of(PREP, true, DOOR, true, AEC, true);
        Map<Integer, Boolean> drivenHigh = Map.of(PREP, false, DOOR, false, AEC, false);
        safeHigh.keySet().forEach(p -> chip.pull(p, false));
        Path tracing = Path.of("/sys/kernel/tracing");
        GpioSimChip.write(tracing.resolve("events/gpio/gpio_value/enable"), "1");
        GpioSimChip.write(tracing.resolve("trace"), "");
        String java = System.getProperty("hil.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process rig = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), KernelSafeStateMain.class.getName(), chip.chipPath(), how)
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(rig.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            output.add(first);
            assertThat(first).as("the rig's first line").isEqualTo("driven");
            if (how.equals("wait")) {
                rig.toHandle().destroy(); // SIGTERM
            }
            for (String l = out.readLine(); l != null; l = out.readLine()) {
                output.add(l);
            }
            assertThat(rig.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            rig.destroyForcibly();
        }
        GpioSimChip.write(tracing.resolve("events/gpio/gpio_value/enable"), "0");
        assertThat(rig.exitValue()).as("exit code; output %s", output).isEqualTo(exitCode);
        String trace = GpioSimChip.read(tracing.resolve("trace"));
        int base = chip.base();
        Pattern set = Pattern.compile("gpio_value: (\\d+) set (\\d)");
        Map<Integer, List<Boolean>> written = new HashMap<>();
        Matcher m = set.matcher(trace);
        while (m.find()) {
            written.computeIfAbsent(Integer.parseInt(m.group(1)) - base, k -> new ArrayList<>()).add(m.group(2).equals("1"));
        }
        for (int pin : safeHigh.keySet()) {
            List<Boolean> levels = written.get(pin);
            assertThat(levels).as("GPIO %d was driven (trace of the rig's writes)", pin).isNotNull()
                    .contains(drivenHigh.get(pin));
            assertThat(levels.get(levels.size() - 1)).as("GPIO %d: the last level driven before release", pin)
                    .isEqualTo(safeHigh.get(pin));
            assertThat(chip.value(pin)).as("GPIO %d released: back at its pull", pin).isFalse();
        }
    }
}
