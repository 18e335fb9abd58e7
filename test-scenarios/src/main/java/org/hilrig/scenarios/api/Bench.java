package org.hilrig.scenarios.api;

import java.util.Map;
import org.hilrig.device.fault.FaultText;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.runner.rig.Rig;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.trace.TraceHeader;

/**
 * A rig with the few conveniences a Java test wants: drive, inject, let time pass, wait for a line, and
 * the trace. Lines are named as in scenarios ({@code READY}, {@code HV_ENABLE}); times are nanoseconds of
 * rig time. Confined to the test's thread; closed by {@link RigExtension}.
 */
public final class Bench {
    private final Rig rig;

    Bench(Rig rig) {
        this.rig = rig;
    }

    /** The port underneath. */
    public Rig rig() {
        return rig;
    }

    public Trace trace() {
        return rig.trace();
    }

    public long nowNanos() {
        return rig.nowNanos();
    }

    /** Drives an input line; returns the time of the edge. */
    public long drive(String line, boolean active) {
        return rig.drive(line, active);
    }

    /** Injects a plant fault now with its default parameters; returns the time it took effect. */
    public long inject(String fault) {
        return inject(fault, Map.of());
    }

    /**
     * Injects a plant fault now, its parameters as scenarios write them ({@code spacing: 5ms}); returns the
     * time it took effect.
     *
     * @throws IllegalArgumentException when the fault or a parameter is unknown or does not parse (with
     *     {@link FaultText}'s message), or names {@code after} or {@code when}: faults are placed in time by
     *     the test, so limits are measured from the time returned
     */
    public long inject(String fault, Map<String, String> params) {
        if (params.keySet().stream().anyMatch(FaultText.SCHEDULE_KEYS::contains)) {
            throw new IllegalArgumentException("fault " + fault + ": 'after' and 'when' are not allowed in scenarios;"
                    + " place the fault with wait or await steps so limits are measured from it");
        }
        return inject(FaultText.parse(fault, params));
    }

    /** Injects a plant fault now; returns the time it took effect. */
    public long inject(PlantFault fault) {
        return rig.inject(fault);
    }

    /** Lets {@code nanos} of rig time pass. */
    public Bench runFor(long nanos) {
        rig.runUntil(() -> false, rig.nowNanos() + nanos);
        return this;
    }

    /**
     * Lets time pass until the line is in the state or {@code withinNanos} have passed.
     *
     * @return true when the line reached the state (the clock then reads when it did)
     */
    public boolean await(String line, boolean active, long withinNanos) {
        int id = TraceAssert.resolve(rig.trace(), line).id();
        boolean[] level = {false};
        ChangeListener watch = new ChangeListener() {
            @Override
            public void begin(TraceHeader header) {
            }

            @Override
            public void digital(long timeNanos, int signalId, Level l) {
                if (signalId == id) {
                    level[0] = l == Level.HIGH;
                }
            }
        };
        rig.trace().replay(watch);
        rig.trace().subscribe(watch);
        return rig.runUntil(() -> level[0] == active, rig.nowNanos() + withinNanos);
    }

    /** The signal a line name stands for in the trace (for assertions and messages). */
    public SignalInfo signal(String line) {
        return TraceAssert.resolve(rig.trace(), line);
    }
}
