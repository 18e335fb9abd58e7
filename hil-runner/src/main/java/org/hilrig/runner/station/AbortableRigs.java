package org.hilrig.runner.station;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.realtime.RealTimeRig;
import org.hilrig.runner.realtime.RealTimeRigs;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.runner.run.RigCapabilities;
import org.hilrig.runner.run.RigFactory;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.RigException;
import org.hilrig.timing.trace.Trace;

/**
 * A socket's real-time rigs that an operator can abort from another thread. Each rig it opens is the fixture's
 * {@link RealTimeRig}, seen through a guard: once {@link #abort} was called, the scenario's next stimulus or wait
 * ends with {@link Aborted} (a wait is cut in slices of {@value #SLICE_NANOS} ns so that it ends within one), the
 * engine ends the scenario in error and closes the rig, which drives every output to the fixture's safe state
 * first. {@link #abort} itself drives the open rig's outputs safe at once, from the caller's thread. Scenarios
 * after the abort get a rig that opens nothing and ends at its first step. Each frame sent is told to
 * {@code sent} (the command's name and arguments), for the operator's progress line.
 */
final class AbortableRigs implements RigFactory {
    static final long SLICE_NANOS = 10_000_000L;

    /** Why a scenario ended: the operator aborted the attempt. */
    static final class Aborted extends RigException {
        Aborted(String message) {
            super(message);
        }
    }

    private final RealTimeRigs rigs;
    private final Consumer<String> sent;
    private final AtomicReference<String> abortedBy = new AtomicReference<>();
    private final AtomicReference<RealTimeRig> open = new AtomicReference<>();

    AbortableRigs(RealTimeRigs rigs, Consumer<String> sent) {
        this.rigs = rigs;
        this.sent = sent;
    }

    /**
     * Ends the attempt: the open rig's outputs go to the safe state now, and its scenario ends at its next step.
     * Callable from any thread; the first reason counts.
     */
    void abort(String reason) {
        abortedBy.compareAndSet(null, reason);
        RealTimeRig r = open.get();
        if (r != null) {
            r.safeStateNow();
        }
    }

    boolean aborted() {
        return abortedBy.get() != null;
    }

    @Override
    public Rig open(Scenario scenario, long seed, List<String> defects) {
        if (aborted()) {
            return new Guarded(null);
        }
        RealTimeRig r = (RealTimeRig) rigs.open(seed, defects);
        open.set(r);
        if (aborted()) { // aborted while it opened: safe at once, as abort() would have made it
            r.safeStateNow();
        }
        return new Guarded(r);
    }

    @Override
    public RigCapabilities capabilities(Board board, boolean emulateOtherBoard) {
        return rigs.capabilities(board, emulateOtherBoard);
    }

    /** The fixture's rig, ending at its next step once the attempt is aborted; null: nothing opened. */
    private final class Guarded implements Rig {
        private final RealTimeRig rig;
        private final Trace empty;

        Guarded(RealTimeRig rig) {
            this.rig = rig;
            this.empty = rig == null ? new Trace() : null;
        }

        private void check() {
            String why = abortedBy.get();
            if (why != null) {
                throw new Aborted(why);
            }
        }

        @Override
        public long nowNanos() {
            return rig == null ? 0 : rig.nowNanos();
        }

        @Override
        public Trace trace() {
            return rig == null ? empty : rig.trace();
        }

        @Override
        public long drive(String line, boolean active) {
            check();
            return rig.drive(line, active);
        }

        @Override
        public long send(byte[] bytes) {
            check();
            sent.accept(command(bytes));
            return rig.send(bytes);
        }

        @Override
        public long inject(PlantFault fault) {
            check();
            return rig.inject(fault);
        }

        @Override
        public boolean runUntil(BooleanSupplier condition, long deadlineNanos) {
            while (true) {
                check();
                long slice = Math.min(deadlineNanos, rig.nowNanos() + SLICE_NANOS);
                if (rig.runUntil(condition, slice)) {
                    return true;
                }
                if (slice >= deadlineNanos) {
                    return false;
                }
            }
        }

        @Override
        public long timestampUncertaintyNanos() {
            return rig == null ? 0 : rig.timestampUncertaintyNanos();
        }

        @Override
        public long uncertaintyNanos(StampKind stimulus, StampKind response) {
            return rig == null ? 0 : rig.uncertaintyNanos(stimulus, response);
        }

        @Override
        public long byteNanos() {
            return rig == null ? 0 : rig.byteNanos();
        }

        @Override
        public boolean boardBootsAtStart() {
            return rig == null || rig.boardBootsAtStart();
        }

        @Override
        public long analogSampleNanos() {
            return rig == null ? 0 : rig.analogSampleNanos();
        }

        @Override
        public void sampleAnalogs() {
            check();
            rig.sampleAnalogs();
        }

        @Override
        public void close() {
            if (rig != null) {
                open.compareAndSet(rig, null);
                rig.close();
            }
        }
    }

    /** {@code SKV 95} from the frame {@code STX seq,SKV,95,crc ETX}; what is not such a frame, as is. */
    static String command(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.US_ASCII).replace("\u0002", "").replace("\u0003", "");
        String[] f = s.split(",");
        if (f.length < 3) {
            return s.strip();
        }
        return String.join(" ", java.util.Arrays.asList(f).subList(1, f.length - 1));
    }
}
