package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.gpio.EmulatedGenBench;
import org.hilrig.runner.gpio.LineEdge;
import org.hilrig.runner.gpio.LineEventListener;
import org.hilrig.runner.gpio.RigLines;
import org.hilrig.runner.gpio.Stamp;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.runner.rig.TraceFrames;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.junit.jupiter.api.Test;

/**
 * A line edge the board makes in answer to a stimulus is recorded after that stimulus, at its own stamp,
 * even when the rig's thread is held up between stamping the stimulus and recording it while the board's
 * answer is handed over on another thread (a prompt board on a loaded machine). The stimulus keeps the stamp
 * of its own clock bracket. The board: the emulated GEN on Pi4J's mock GPIO and a socat pty pair (the
 * shipped emulated fixture, {@link EmulatedGenBench}); the interleaving is forced with latches, not left to
 * the scheduler: the board's pacer is held until the stimulus is stamped, and the rig's thread until the
 * board's answer has been handed to the rig.
 */
class RealTimeRigResponseOrderTest {
    private static final Path FIXTURE = Path.of("..").toAbsolutePath().normalize().resolve("fixtures/rigs/emulated-gen-pty.yaml");
    private static final HardwareLine ROTOR_START = HardwareLine.valueOf("ROTOR_START");
    private static final long SECOND = 1_000_000_000L;

    private final RigFixture fixture = RigFixtureLoader.load(FIXTURE);
    private final HeldClock clock = new HeldClock(Thread.currentThread());
    private final AtomicReference<EmulatedGenBench.PoweredBoard> powered = new AtomicReference<>();
    /** The board's ROTOR_START edge as the rig's line listener was handed it. */
    private final AtomicReference<LineEdge> answer = new AtomicReference<>();
    private final CountDownLatch answered = new CountDownLatch(1);
    private WatchedLines watched;

    /** The prep handswitch (a drive) starts the rotor: the GEN raises ROTOR_START after its 500 us debounce. */
    @Test
    void aBoardsEdgeHandedOverBeforeTheDriveWasRecordedIsRecordedAfterTheDrive() throws Exception {
        HeldLines lines = new HeldLines();
        RealTimeRig rig = open(lines, null);
        try {
            awaitBoot(rig);

            lines.holdNextDrive();
            long driven = rig.drive("PREP_REQ", true);
            assertThat(rig.runUntil(() -> !changes(rig, "gen.rotor_start").isEmpty(), rig.nowNanos() + 2 * SECOND)).isTrue();

            assertThat(order(rig, "gen.prep_req", "gen.rotor_start")).as("the stimulus first, then its answer")
                    .containsExactly("gen.prep_req", "gen.rotor_start");
            Stamp stamp = lines.heldStamp.get();
            LineEdge edge = answer.get();
            assertThat(edge.timeNanos()).as("the board answered after the drive's clock bracket")
                    .isGreaterThan(stamp.timeNanos() + stamp.uncertaintyNanos());
            assertThat(driven).as("the drive at the middle of its own bracket, not at the board's answer").isEqualTo(stamp.timeNanos());
            assertThat(changes(rig, "gen.prep_req")).containsExactly(driven);
            assertThat(changes(rig, "gen.rotor_start")).as("the answer at its own stamp, not moved").containsExactly(edge.timeNanos());
        } finally {
            rig.close();
        }
    }

    /**
     * The rig's thread held inside the drive's clock bracket, between the write and its second reading, while
     * the board answers: the answer is stamped before the bracket's middle, the drive's stamp. It is recorded
     * at the drive, after it, and the shift is declared in the uncertainty.
     */
    @Test
    void aBoardsEdgeStampedBeforeTheMiddleOfTheDrivesBracketIsRecordedAtTheDriveWithTheShiftDeclared() throws Exception {
        RealTimeRig rig = open(null, null);
        try {
            awaitBoot(rig);

            watched.beforeNextDrive(() -> clock.holdBeforeReading(2, () -> { // the drive's reading after the write
                await(answered, "the board's ROTOR_START edge");
                long before = clock.lastReading(); // the drive's reading before the write
                long answeredAt = answer.get().timeNanos();
                // on until the answer lies in the bracket's first half, whatever the scheduler does
                while (clock.peek() <= 2 * answeredAt - before + 1_000) {
                    Thread.onSpinWait();
                }
            }));
            long driven = rig.drive("PREP_REQ", true);
            assertThat(rig.runUntil(() -> !changes(rig, "gen.rotor_start").isEmpty(), rig.nowNanos() + 2 * SECOND)).isTrue();

            assertThat(order(rig, "gen.prep_req", "gen.rotor_start")).as("the stimulus first, then its answer")
                    .containsExactly("gen.prep_req", "gen.rotor_start");
            Stamp stamp = watched.lastStamp;
            long shift = driven - answer.get().timeNanos();
            assertThat(driven).as("the drive at the middle of its own bracket").isEqualTo(stamp.timeNanos());
            assertThat(shift).as("the answer stamped inside the bracket, before its middle").isPositive()
                    .isLessThanOrEqualTo(stamp.uncertaintyNanos());
            assertThat(changes(rig, "gen.rotor_start")).as("the answer at the drive, not before it").containsExactly(driven);
            assertThat(rig.observedNanos()).as("the shift declared").isGreaterThanOrEqualTo(shift);
            assertThat(rig.uncertaintyNanos(StampKind.LINE, StampKind.LINE))
                    .isGreaterThanOrEqualTo(shift + stamp.uncertaintyNanos());
        } finally {
            rig.close();
        }
    }

    /** A welded handswitch (a plant fault of the emulated board) starts the rotor too. */
    @Test
    void aBoardsEdgeHandedOverBeforeAnInjectionWasRecordedIsNotTakenForTheInjectionsTime() throws Exception {
        AtomicReference<Long> before = new AtomicReference<>();
        AtomicReference<Long> after = new AtomicReference<>();
        Bench.PlantFaults held = fault -> {
            before.set(clock.lastReading()); // the rig's reading just before it injects
            PacedBoardGate gate = PacedBoardGate.injectAndHold(powered.get().board(), fault);
            clock.holdNextReading(t -> {
                after.set(t); // the rig's reading just after the injection returned
                gate.release();
                await(answered, "the board's ROTOR_START edge");
            });
        };
        RealTimeRig rig = open(null, held);
        try {
            awaitBoot(rig);

            long injected = rig.inject(new PlantFault.Simple(PlantFault.Kind.HANDSWITCH_STUCK));
            assertThat(rig.runUntil(() -> !changes(rig, "gen.rotor_start").isEmpty(), rig.nowNanos() + 2 * SECOND)).isTrue();

            LineEdge edge = answer.get();
            assertThat(edge.timeNanos()).as("the board answered after the injection's clock bracket").isGreaterThan(after.get());
            assertThat(injected).as("the injection at the middle of its own bracket, not at the board's answer")
                    .isEqualTo(before.get() + (after.get() - before.get()) / 2);
            assertThat(changes(rig, "gen.rotor_start")).as("the answer at its own stamp").containsExactly(edge.timeNanos());
        } finally {
            rig.close();
        }
    }

    /** The emulated bench, its lines or its plant faults replaced by the test's held ones where given. */
    private RealTimeRig open(HeldLines heldLines, Bench.PlantFaults heldFaults) {
        Bench bench = new EmulatedGenBench(powered::set).open(fixture, clock, 11, List.of());
        RigLines lines = bench.lines();
        if (heldLines != null) {
            heldLines.delegate = lines;
            lines = heldLines;
        }
        watched = new WatchedLines(lines);
        return RealTimeRig.open(fixture, clock, new Bench(bench.link(), watched, heldFaults == null ? bench.plantFaults() : heldFaults,
                bench.powerOn(), bench.closer()));
    }

    /** Until the board's EVT,BOOT (its first frame): before that it does not read its handswitch. */
    private static void awaitBoot(RealTimeRig rig) {
        assertThat(rig.runUntil(() -> !TraceFrames.times(rig.trace(), "tx").isEmpty(), rig.nowNanos() + 2 * SECOND))
                .as("EVT,BOOT within 2 s").isTrue();
    }

    /** When {@code path} became active in the rig's trace, in the order recorded. */
    private static List<Long> changes(RealTimeRig rig, String path) {
        int id = rig.trace().find(path).id();
        List<Long> times = new ArrayList<>();
        List<Boolean> first = new ArrayList<>();
        rig.trace().replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                if (signalId == id) {
                    if (first.isEmpty()) {
                        first.add(true); // the level at the opening
                    } else if (level == Level.HIGH) {
                        times.add(timeNanos);
                    }
                }
            }
        });
        return times;
    }

    /** The order in which the trace records {@code paths} becoming active (after their levels at the opening). */
    private static List<String> order(RealTimeRig rig, String... paths) {
        List<String> seen = new ArrayList<>();
        List<Integer> opened = new ArrayList<>();
        rig.trace().replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                for (String p : paths) {
                    if (rig.trace().find(p).id() == signalId) {
                        if (!opened.contains(signalId)) {
                            opened.add(signalId);
                        } else if (level == Level.HIGH) {
                            seen.add(p);
                        }
                    }
                }
            }
        });
        return seen;
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError(what + " did not come within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** The emulated board's pacer held on its own thread, so that the board makes no move until released. */
    private static final class PacedBoardGate {
        private final CountDownLatch released = new CountDownLatch(1);

        /** Holds the pacer from now (the board's virtual time stops) until {@link #release()}. */
        static PacedBoardGate hold(PacedBoard board) {
            PacedBoardGate gate = new PacedBoardGate();
            board.inPacer(gate::waitForRelease);
            return gate;
        }

        /** Injects {@code fault} on the pacer thread and holds the pacer at once, before the board can answer. */
        static PacedBoardGate injectAndHold(PacedBoard board, PlantFault fault) {
            PacedBoardGate gate = new PacedBoardGate();
            CountDownLatch injected = new CountDownLatch(1);
            board.inPacer(() -> {
                board.machine().inject(fault);
                injected.countDown();
                gate.waitForRelease();
            });
            await(injected, "the injection on the board's pacer");
            return gate;
        }

        void release() {
            released.countDown();
        }

        private void waitForRelease() {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The bench's lines, where a drive is held: the board's pacer is held during the drive, released once the
     * drive has its stamp, and the drive returns only when the board's answer has been handed to the rig.
     */
    private final class HeldLines implements RigLines {
        private RigLines delegate;
        private final AtomicReference<Stamp> heldStamp = new AtomicReference<>();
        private final AtomicBoolean armed = new AtomicBoolean();

        /** Holds the next drive (not the permissives at the opening, nor the safe state). */
        void holdNextDrive() {
            armed.set(true);
        }

        @Override
        public Stamp drive(HardwareLine line, boolean active) {
            if (!armed.compareAndSet(true, false)) {
                return delegate.drive(line, active);
            }
            PacedBoardGate gate = PacedBoardGate.hold(powered.get().board());
            Stamp s;
            try {
                s = delegate.drive(line, active);
                heldStamp.set(s);
            } finally {
                gate.release();
            }
            await(answered, "the board's ROTOR_START edge");
            return s;
        }

        @Override
        public boolean read(HardwareLine line) {
            return delegate.read(line);
        }

        @Override
        public void subscribe(LineEventListener listener) {
            delegate.subscribe(listener);
        }

        @Override
        public void safeState() {
            delegate.safeState();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * Lines whose listeners are followed by noting the board's ROTOR_START edge once the rig has been handed it;
     * they keep the stamp of the last drive and run a hook just before the next (on the rig's thread).
     */
    private final class WatchedLines implements RigLines {
        private final RigLines delegate;
        private Runnable beforeNextDrive;
        private volatile Stamp lastStamp;

        WatchedLines(RigLines delegate) {
            this.delegate = delegate;
        }

        void beforeNextDrive(Runnable hook) {
            beforeNextDrive = hook;
        }

        @Override
        public Stamp drive(HardwareLine line, boolean active) {
            Runnable hook = beforeNextDrive;
            beforeNextDrive = null;
            if (hook != null) {
                hook.run();
            }
            lastStamp = delegate.drive(line, active);
            return lastStamp;
        }

        @Override
        public boolean read(HardwareLine line) {
            return delegate.read(line);
        }

        @Override
        public void subscribe(LineEventListener listener) {
            delegate.subscribe(event -> {
                listener.onLineEvent(event);
                if (event instanceof LineEdge e && e.line().equals(ROTOR_START) && e.active() && answer.compareAndSet(null, e)) {
                    answered.countDown();
                }
            });
        }

        @Override
        public void safeState() {
            delegate.safeState();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * A monotonic clock that notes the last reading of one thread (the rig's) and can hold that thread just
     * after its next reading, or just before its n-th, as a scheduler may.
     */
    private static final class HeldClock implements Clock {
        private final Clock wall = new MonotonicClock();
        private final Thread owner;
        private volatile long lastReading;
        private final AtomicReference<LongConsumer> hold = new AtomicReference<>();

        HeldClock(Thread owner) {
            this.owner = owner;
        }

        /** The owner's readings still to come before {@link #beforeNth} runs (owner thread only). */
        private int readingsLeft;
        private Runnable beforeNth;

        @Override
        public long nowNanos() {
            if (Thread.currentThread() == owner && beforeNth != null && --readingsLeft == 0) {
                Runnable h = beforeNth;
                beforeNth = null;
                h.run();
            }
            long t = wall.nowNanos();
            if (Thread.currentThread() == owner) {
                lastReading = t;
                LongConsumer h = hold.getAndSet(null);
                if (h != null) {
                    h.accept(t);
                }
            }
            return t;
        }

        long lastReading() {
            return lastReading;
        }

        /** The time now, not counted as a reading of the owner's. */
        long peek() {
            return wall.nowNanos();
        }

        /** Runs {@code whileHeld} on the owner's thread just before its {@code n}-th reading from now (owner thread). */
        void holdBeforeReading(int n, Runnable whileHeld) {
            readingsLeft = n;
            beforeNth = whileHeld;
        }

        /** The owner's next reading runs {@code whileHeld} with its value before returning it. */
        void holdNextReading(LongConsumer whileHeld) {
            hold.set(whileHeld);
        }
    }
}
