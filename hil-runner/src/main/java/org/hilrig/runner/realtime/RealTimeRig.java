package org.hilrig.runner.realtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.LineAssignment;
import org.hilrig.runner.fixture.OutputLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.WireTiming;
import org.hilrig.runner.gpio.EdgesLost;
import org.hilrig.runner.gpio.LineEdge;
import org.hilrig.runner.gpio.RigLines;
import org.hilrig.runner.gpio.Stamp;
import org.hilrig.runner.io.ByteLink;
import org.hilrig.runner.io.ByteReceiver;
import org.hilrig.runner.io.CpuLatencyRequest;
import org.hilrig.runner.io.RealtimePriority;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Rig} port on wall time: the board under test reached through a real serial or TCP link, its
 * hardware lines through {@link RigLines}. Time is the rig's monotonic {@link Clock} (zero when the rig
 * opened).
 *
 * <p>What is recorded, and when: a driven line at the stamp {@link RigLines#drive} returned (the achieved
 * time, not the intended one); an input edge at the stamp its adapter gave it (kernel stamp, or the
 * monotonic clock read in the listener callback); a frame from the board at the read that delivered its
 * last byte, less the fixture's link latency; a frame to the board when its last byte reached the board:
 * the middle of the write's clock bracket, plus the link latency, plus the frame's bytes at the UART's
 * rate (none on a link the fixture says has no wire timing, {@code wire: none}: there {@link #byteNanos()}
 * is 0). Observations are handed over by the I/O threads through a queue and recorded by the scenario
 * thread in arrival order; one that arrives stamped before something already recorded is recorded at that
 * later time, and the shift widens the {@linkplain #timestampUncertaintyNanos() declared uncertainty}. A
 * stimulus (a drive, a frame sent, an injection, a cut) is recorded after what was stamped before its clock
 * bracket began and before what was stamped from then on, even if that was handed over first: a prompt
 * board's answer, handed over while the scenario thread was still between its stamps, is recorded after
 * the stimulus it answers (at its own stamp, or at the stimulus's when stamped before the bracket's middle,
 * a shift that widens the uncertainty as above), never before it.
 *
 * <p>Uncertainty: a measurement is a difference of two stamps, so the rig declares the sum of the worst
 * stimulus stamp of its kind (half the widest clock bracket of such stimuli; a frame is also uncertain by
 * the fixture's frame uncertainty, a line edge by its edge uncertainty) and the response stamp's (the
 * fixture's edge or frame uncertainty), plus any reordering shift seen, plus what the rig sees the system
 * do while it runs: the longest garbage-collection pause while it was open, and twice the worst late
 * wake-up of an ordinary thread since the last stimulus ({@link WakeupMonitor}), and for each serial stamp
 * twice the worst transit of a byte through a pseudo-terminal since the last stimulus ({@link
 * org.hilrig.runner.io.TtyLatencyMonitor}: the kernel's tty work that carries every serial byte, which no
 * real-time priority of the rig's own threads hurries).
 *
 * <p>Safe state: {@link #close()} drives every output to the fixture's safe state before anything else
 * (before the link is closed, before the caller writes a report); a JVM shutdown hook does the same on
 * SIGTERM or any other shutdown while the rig is open. A lost link ends the next {@link #runUntil} or
 * {@link #send} with a {@link RigFailureException}, after which the engine closes the rig.
 *
 * <p>Confined to the scenario thread, except {@link #safeStateNow()} (any thread).
 *
 * <p>Over 500 lines: the port's methods on wall time share one observation queue, the stimulus stamp
 * brackets and the safe-state path (close, shutdown hook, lost link); the uncertainty it declares is
 * computed from the same stamps the stimuli take, and reads best next to them.
 */
public final class RealTimeRig implements Rig {
    private static final Logger LOG = LoggerFactory.getLogger(RealTimeRig.class);
    private static final long SPIN_NANOS = 50_000L;
    private static final long MAX_PARK_NANOS = 5_000_000L;

    private final RigFixture fixture;
    private final Clock clock;
    private final Bench bench;
    private final RigLines lines;
    private final ByteLink link;
    private final Trace trace = new Trace();
    private final Map<HardwareLine, Integer> signalIds = new java.util.TreeMap<>();
    private final ConcurrentLinkedQueue<Observation> inbox = new ConcurrentLinkedQueue<>();
    private final FrameDecoder sentFrames;
    private final FrameDecoder boardFrames;
    private final AtomicBoolean benchEnded = new AtomicBoolean();
    private final String linkName;
    private final long byteNanos;
    private final Thread owner;
    private final Thread shutdownHook;
    private final AtomicBoolean safe = new AtomicBoolean();
    private final CpuLatencyRequest cpuLatency;
    private final JvmPauses pauses = JvmPauses.watch();
    private final WakeupMonitor wakeups;
    /** The tty layer's transit time now, on a serial link (null on TCP, or where no pseudo-terminal could be had). */
    private final org.hilrig.runner.io.TtyLatencyMonitor tty;
    private volatile RigFailureException linkLost;
    /** Until when the rig's side of the cable is cut ({@link #LINK_FAULTS}); read by the reader thread. */
    private volatile long cutUntilNanos = Long.MIN_VALUE;
    private volatile long edgesLost;
    private long watermarkNanos;
    private long openedNanos;
    private long worstDriveNanos;
    private long worstSendNanos;
    private long worstInjectNanos;
    private long worstShiftNanos;
    private long lastByteOutNanos;
    private boolean closed;
    private boolean stimulusRaiseRefused;

    /** What an I/O thread hands over: a line edge or a frame from the board. */
    private sealed interface Observation permits Edge, Received {
        long timeNanos();
    }

    private record Edge(HardwareLine line, boolean active, long timeNanos) implements Observation {
    }

    private record Received(byte[] bytes, long timeNanos) implements Observation {
    }

    private RealTimeRig(RigFixture fixture, Clock clock, Bench bench) {
        this.fixture = fixture;
        this.clock = clock;
        this.bench = bench;
        this.lines = bench.lines();
        this.owner = Thread.currentThread();
        String board = fixture.board().name().toLowerCase(Locale.ROOT);
        this.linkName = board + ".uart";
        // a TCP link with wire timing carries a board UART's byte stream (serial-over-IP, an emulated board): at
        // the protocol's default rate, as the fixture names no other; a link without (wire: none) delivers a
        // frame whole, its bytes take no time
        this.byteNanos = fixture.wire() == WireTiming.NONE ? 0
                : 10_000_000_000L / (fixture.link() instanceof SerialEndpoint s ? s.baud() : SerialEndpoint.DEFAULT_BAUD);
        for (LineAssignment a : lines == null ? List.<LineAssignment>of() : fixture.lines()) {
            signalIds.put(a.line(), trace.declareDigital(board + "." + a.line().name().toLowerCase(Locale.ROOT)));
        }
        this.sentFrames = new FrameDecoder(recorder("rx"));
        this.boardFrames = new FrameDecoder(recorder("tx"));
        this.wakeups = WakeupMonitor.start(clock);
        org.hilrig.runner.io.TtyLatencyMonitor.Result ttyWatch = fixture.link() instanceof SerialEndpoint
                ? org.hilrig.runner.io.TtyLatencyMonitor.start(clock) : null;
        this.tty = ttyWatch == null ? null : ttyWatch.monitor();
        if (ttyWatch != null && ttyWatch.refused() != null) {
            LOG.warn("rig {}: the tty layer's latency is not watched, serial stamps declare none of it: {}", fixture.name(),
                    ttyWatch.refused());
        }
        this.cpuLatency = fixture.realtime().requestsCpuLatency()
                ? CpuLatencyRequest.request(fixture.realtime().cpuLatencyNanos()) : null;
        if (cpuLatency != null && cpuLatency.refused() != null) {
            LOG.warn("rig {}: CPU wake-up latency not requested: {}", fixture.name(), cpuLatency.refused());
        }
        this.shutdownHook = new Thread(this::safeStateAndEndBench, "hil-rig-safe-state");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ByteLink opened = null;
        try {
            if (lines != null) {
                lines.subscribe(event -> {
                    if (event instanceof LineEdge e) {
                        hand(new Edge(e.line(), e.active(), e.timeNanos()));
                    } else if (event instanceof EdgesLost) {
                        edgesLost++;
                        LockSupport.unpark(owner);
                    }
                });
            }
            opened = bench.link().open(clock, new LinkReader());
        } catch (RuntimeException e) {
            safeStateAndEndBench();
            removeHook();
            releaseRequests();
            throw e;
        }
        this.link = opened;
    }

    /**
     * Opens a rig on {@code bench} at time 0 of {@code clock}: opens the link, records the lines' states,
     * powers the board up when the bench can, then holds the permissives (door, e-stop, thermal) active,
     * the plant's normal state.
     *
     * @throws RigFailureException when the link cannot be opened (the outputs are then safe)
     */
    public static RealTimeRig open(RigFixture fixture, Clock clock, Bench bench) {
        RealTimeRig rig = new RealTimeRig(fixture, clock, bench);
        long t = clock.nowNanos();
        rig.watermarkNanos = t;
        rig.openedNanos = t;
        for (Map.Entry<HardwareLine, Integer> e : rig.signalIds.entrySet()) {
            rig.trace.digital(t, e.getValue(), Level.of(rig.lines.read(e.getKey())));
        }
        if (bench.powerOn() != null) {
            bench.powerOn().run();
        }
        for (OutputLine o : fixture.outputs()) {
            if (LineFaults.permissive(fixture.board(), o.line()) && rig.lines != null) {
                rig.drive(o.line().name(), true);
            }
        }
        return rig;
    }

    private DecodeListener recorder(String direction) {
        return new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                record(f.endNanos());
                trace.frame(watermarkNanos, linkName, direction, f.bytes());
            }

            @Override
            public void discarded(DiscardedInput d) {
                // only valid frames are recorded, as a protocol analyser on the cable would
            }
        };
    }

    private void hand(Observation o) {
        inbox.add(o);
        LockSupport.unpark(owner);
    }

    @Override
    public long nowNanos() {
        return clock.nowNanos();
    }

    @Override
    public Trace trace() {
        return trace;
    }

    @Override
    public long drive(String line, boolean active) {
        HardwareLine l = outputLine(line);
        ensureOpen();
        Stamp s = asStimulus(() -> lines.drive(l, active));
        worstDriveNanos = Math.max(worstDriveNanos, s.uncertaintyNanos());
        // the stamp is its clock bracket's middle, uncertain by half the bracket's width: the bracket began that
        // much earlier
        recordStimulus(s.timeNanos() - s.uncertaintyNanos(), s.timeNanos());
        trace.digital(watermarkNanos, signalIds.get(l), Level.of(active));
        return watermarkNanos;
    }

    private HardwareLine outputLine(String line) {
        HardwareLine l;
        try {
            l = HardwareLine.valueOf(line);
        } catch (IllegalArgumentException e) {
            l = null;
        }
        if (l == null || lines == null || !(fixture.find(l).orElse(null) instanceof OutputLine)) {
            throw new IllegalArgumentException("rig " + fixture.name() + ": no output line " + line + " (outputs: "
                    + fixture.outputs().stream().map(o -> o.line().name()).toList() + ")");
        }
        return l;
    }

    @Override
    public long send(byte[] bytes) {
        ensureOpen();
        long now = clock.nowNanos();
        if (cutAt(now)) {
            recordStimulus(now, now);
            return watermarkNanos; // the cable is cut on the rig's side: the frame goes nowhere
        }
        long[] bracket = stamped(() -> link.write(bytes));
        long before = bracket[0];
        long written = bracket[1];
        // the write happened within its clock bracket: its middle is off by at most half the bracket's width
        // (the stimulus uncertainty declared); the bytes reach the board's end of the link its calibrated
        // latency later, where a UART sends one every byteNanos: the frame's last byte is out when the
        // earlier frames' and its own are
        long wrote = before + (written - before) / 2;
        long t = Math.max(wrote + fixture.linkLatencyNanos(), lastByteOutNanos) + bytes.length * byteNanos;
        lastByteOutNanos = t;
        worstSendNanos = Math.max(worstSendNanos, (written - before + 1) / 2);
        // what came in before the write is recorded before the frame; what came during or after it (a prompt
        // board's reply to a write the scheduler held up) after it, so it counts as its answer
        drainStampedBefore(before);
        for (int i = 0; i < bytes.length; i++) {
            sentFrames.accept(bytes[i], t - (bytes.length - 1 - i) * byteNanos);
        }
        return Math.max(t, watermarkNanos);
    }

    @Override
    public long byteNanos() {
        return byteNanos;
    }

    @Override
    public boolean boardBootsAtStart() {
        return bench.powerOn() != null;
    }

    /**
     * Faults that are a permissive going inactive or back ({@code door_open}, {@code estop_press},
     * {@code thermal_switch_open} and their reverses) drive that line when the fixture wires it; others go
     * to the bench's plant (an emulated board's model), at the time returned.
     */
    @Override
    public long inject(PlantFault fault) {
        LineFaults.LineFault asLine = LineFaults.of(fixture.board(), fault.kind()).orElse(null);
        if (asLine != null && wiresOutput(asLine.line())) {
            return drive(asLine.line().name(), asLine.active());
        }
        if (bench.plantFaults() == null && LINK_FAULTS.contains(fault.kind())) {
            return cutLink(fault);
        }
        if (bench.plantFaults() == null) {
            throw new IllegalArgumentException("fault " + fault.kind().faultName() + ": not available on rig " + fixture.name()
                    + " (its plant faults are the permissive lines it wires: " + (lines == null ? List.<String>of()
                    : LineFaults.wiredOn(fixture).stream().map(PlantFault.Kind::faultName).sorted().toList()) + ")");
        }
        ensureOpen();
        long[] bracket = stamped(() -> bench.plantFaults().inject(fault));
        long before = bracket[0];
        long after = bracket[1];
        worstInjectNanos = Math.max(worstInjectNanos, (after - before + 1) / 2);
        recordStimulus(before, before + (after - before) / 2);
        return watermarkNanos;
    }

    /**
     * The link faults a rig makes itself, on its own side of the cable, where the bench has no plant to
     * make them: {@code link_cut} (for its length, or until {@code link_restore}) drops what the rig sends and
     * what it receives, as a relay in the cable would.
     */
    public static final Set<PlantFault.Kind> LINK_FAULTS = java.util.EnumSet.of(PlantFault.Kind.LINK_CUT,
            PlantFault.Kind.LINK_RESTORE);

    private long cutLink(PlantFault fault) {
        ensureOpen();
        long t = clock.nowNanos();
        cutUntilNanos = fault instanceof PlantFault.LinkCut c
                ? (c.lengthNanos() == 0 ? Long.MAX_VALUE : t + c.lengthNanos()) : Long.MIN_VALUE;
        recordStimulus(t, t);
        return watermarkNanos;
    }

    /** Whether the rig's side of the cable is cut at {@code nanos}. */
    private boolean cutAt(long nanos) {
        return nanos < cutUntilNanos;
    }

    /** Runs a stimulus {@linkplain #asStimulus as a stimulus} between two clock readings: {before, after}. */
    private long[] stamped(Runnable stimulus) {
        return asStimulus(() -> {
            long before = clock.nowNanos();
            stimulus.run();
            return new long[] {before, clock.nowNanos()};
        });
    }

    /** Runs a stimulus at real-time priority when the fixture asks for it, starting the wake-up monitor's window. */
    private <T> T asStimulus(Supplier<T> stimulus) {
        wakeups.mark();
        if (tty != null) {
            tty.mark();
        }
        boolean raised = raise();
        try {
            return stimulus.get();
        } finally {
            lower(raised);
        }
    }

    /**
     * Puts the scenario thread in real-time scheduling for one stimulus (the fixture's priority), so that no
     * ordinary thread gets between the stimulus and its stamps; true when it did. A refusal is told once and
     * not tried again.
     */
    private boolean raise() {
        int priority = fixture.realtime().priority();
        if (priority == 0 || stimulusRaiseRefused) {
            return false;
        }
        String why = RealtimePriority.raiseCurrentThread(priority).orElse(null);
        if (why != null) {
            stimulusRaiseRefused = true;
            LOG.warn("rig {}: stimuli are stamped at ordinary priority, not real-time priority {}: {}", fixture.name(),
                    priority, why);
            return false;
        }
        return true;
    }

    private static void lower(boolean raised) {
        if (raised) {
            RealtimePriority.lowerCurrentThread();
        }
    }

    private boolean wiresOutput(HardwareLine line) {
        return lines != null && fixture.find(line).orElse(null) instanceof OutputLine;
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, long deadlineNanos) {
        ensureOpen();
        if (drain(condition) || condition.getAsBoolean()) {
            return true;
        }
        while (true) {
            if (linkLost != null) {
                throw linkLost;
            }
            long now = clock.nowNanos();
            if (now >= deadlineNanos) {
                return drain(condition);
            }
            long left = deadlineNanos - now;
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(this, Math.min(left - SPIN_NANOS, MAX_PARK_NANOS));
            } else {
                Thread.onSpinWait();
            }
            if (drain(condition)) {
                return true;
            }
        }
    }

    /** Records what the I/O threads handed over; true as soon as {@code condition} (if any) holds. */
    private boolean drain(BooleanSupplier condition) {
        Observation o;
        while ((o = inbox.poll()) != null) {
            handle(o);
            if (condition != null && condition.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the rig's time to a stimulus stamped at {@code atNanos} in a clock bracket that began at {@code
     * beforeNanos}: first records what the I/O threads handed over stamped before the bracket; what was stamped
     * from its start on stays queued, to be recorded after the stimulus (the class comment says why).
     */
    private void recordStimulus(long beforeNanos, long atNanos) {
        drainStampedBefore(beforeNanos);
        record(atNanos);
    }

    /** Records what the I/O threads handed over stamped before {@code nanos}, in arrival order; the rest stays. */
    private void drainStampedBefore(long nanos) {
        Observation o;
        while ((o = inbox.peek()) != null && o.timeNanos() < nanos) {
            handle(inbox.poll());
        }
    }

    private void handle(Observation o) {
        if (o instanceof Edge e) {
            record(e.timeNanos());
            trace.digital(watermarkNanos, signalIds.get(e.line()), Level.of(e.active()));
        } else if (o instanceof Received r) {
            // the bytes were on the board's pins the link's calibrated latency before the reader stamped them
            boardFrames.accept(r.bytes(), 0, r.bytes().length, r.timeNanos() - fixture.linkLatencyNanos());
        }
    }

    /**
     * Moves the watermark forward to {@code t}, never back: an observation stamped before it is recorded at the
     * watermark, and how far it was shifted is noted (not counting what happened before the rig opened, such as
     * an edge the kernel queued between the lines' request and the opening: that is recorded at the opening).
     */
    private void record(long t) {
        if (t >= watermarkNanos) {
            watermarkNanos = t;
        } else if (t >= openedNanos) {
            worstShiftNanos = Math.max(worstShiftNanos, watermarkNanos - t);
        }
    }

    /** The worst case over every kind of stimulus and response, plus what the rig saw (see the class comment), ns. */
    @Override
    public long timestampUncertaintyNanos() {
        long worst = 0;
        for (StampKind from : StampKind.values()) {
            for (StampKind to : StampKind.values()) {
                worst = Math.max(worst, stampsNanos(from, to));
            }
        }
        return worst + observedNanos() + 2 * ttyNanos();
    }

    /** The uncertainty of a measurement from a {@code stimulus} stamp to a {@code response} stamp, ns. */
    @Override
    public long uncertaintyNanos(StampKind stimulus, StampKind response) {
        int frames = (stimulus == StampKind.FRAME ? 1 : 0) + (response == StampKind.LINE ? 0 : 1);
        return stampsNanos(stimulus, response) + observedNanos() + frames * ttyNanos();
    }

    /**
     * What the tty layer may have added to one serial stamp since the last stimulus, ns: twice the worst
     * transit of a byte through one pseudo-terminal ({@link org.hilrig.runner.io.TtyLatencyMonitor}), as a
     * socat cable carries each frame through two (the receive path of a real port through one); 0 on TCP.
     */
    long ttyNanos() {
        return tty == null ? 0 : 2 * tty.worstSinceMarkNanos();
    }

    /**
     * The stamps' own part: the worst stimulus stamp of that kind (half the widest clock bracket around a
     * drive, a write or an injection; a line may also be an observed edge, a frame is also uncertain by the
     * fixture's frame uncertainty) plus the fixture's uncertainty of the response's kind, ns.
     */
    long stampsNanos(StampKind stimulus, StampKind response) {
        long edge = fixture.gpio().edgeUncertaintyNanos();
        long frame = fixture.frameUncertaintyNanos();
        long from = switch (stimulus) {
            case LINE -> Math.max(worstDriveNanos, edge);
            case FRAME -> Math.max(worstSendNanos, frame);
            case FAULT -> Math.max(worstInjectNanos, worstDriveNanos);
        };
        long to = switch (response) {
            case LINE -> edge;
            case FRAME -> frame;
            case FAULT -> Math.max(edge, frame);
        };
        return from + to;
    }

    /**
     * What the rig saw the system do while it ran, ns: the reordering shift seen so far, the longest
     * stop-the-world pause of the JVM while the rig was open (every stamp taken just after one is late by up
     * to its length), and twice the worst late wake-up of an ordinary thread since the last stimulus (either
     * stamp of a measurement may have waited that long).
     */
    long observedNanos() {
        return worstShiftNanos + pauses.longestNanos() + 2 * wakeups.worstSinceMarkNanos();
    }

    /** Input edges the lines reported lost so far (a gap in the kernel's sequence numbers). */
    public long edgesLost() {
        return edgesLost;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("rig " + fixture.name() + " is closed");
        }
    }

    /**
     * Drives every output to the fixture's safe state now; callable from any thread, idempotent per rig.
     *
     * @throws RigFailureException naming every output that could not be driven
     */
    public void safeStateNow() {
        if (lines != null && safe.compareAndSet(false, true)) {
            lines.safeState();
        }
    }

    /** Safe state first, then the bench (the JVM shutdown path, and a failed open). */
    private void safeStateAndEndBench() {
        try {
            safeStateNow();
        } finally {
            endBench();
        }
    }

    private void endBench() {
        if (benchEnded.compareAndSet(false, true)) {
            try {
                bench.closer().close();
            } catch (Exception e) {
                throw new RigFailureException("rig " + fixture.name() + ": closing the bench failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Safe state first (every output to the fixture's safe state, recorded in the trace), then the link,
     * the lines and the bench; idempotent.
     *
     * @throws RigFailureException when an output could not be put in its safe state (after everything
     *     else was closed)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RigFailureException failure = null;
        try {
            safeStateNow();
        } catch (RigFailureException e) {
            failure = e;
        }
        long t = clock.nowNanos();
        drain(null);
        record(t);
        for (OutputLine o : fixture.outputs()) {
            Integer id = signalIds.get(o.line());
            if (id != null) {
                trace.digital(watermarkNanos, id, Level.of(lines.read(o.line())));
            }
        }
        if (link != null) {
            link.close();
        }
        if (lines != null) {
            lines.close();
        }
        endBench();
        removeHook();
        releaseRequests();
        if (failure != null) {
            throw failure;
        }
    }

    private void releaseRequests() {
        pauses.close();
        wakeups.close();
        if (tty != null) {
            tty.close();
        }
        if (cpuLatency != null) {
            cpuLatency.close();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it made the outputs safe
        }
    }

    /** On the link's reader thread: hand over, nothing else. */
    private final class LinkReader implements ByteReceiver {
        @Override
        public void readerStarted() {
            int priority = fixture.realtime().priority();
            if (priority > 0) {
                RealtimePriority.raiseCurrentThread(priority).ifPresent(why -> LOG.warn(
                        "rig {}: the link's reader runs at ordinary priority, not real-time priority {}: {}", fixture.name(),
                        priority, why));
            }
        }

        @Override
        public void received(byte[] bytes, long timeNanos) {
            if (!cutAt(timeNanos)) {
                hand(new Received(bytes, timeNanos));
            }
        }

        @Override
        public void lost(RigFailureException cause) {
            linkLost = cause;
            LockSupport.unpark(owner);
        }
    }
}
