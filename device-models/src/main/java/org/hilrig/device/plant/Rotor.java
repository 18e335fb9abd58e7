package org.hilrig.device.plant;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.AnalogSignal;

/**
 * The rotating anode, piecewise linear in time: it accelerates toward its target while driven, slows at
 * the brake rate when braked and at the (much slower) coast rate when neither. Faults: a stall seizes it
 * (to standstill in {@code seizeNanos}), a phase loss makes the drive ineffective (it coasts), a weak drive
 * scales the acceleration. Speed is published on {@code rotor_rpm} at every change of regime and when a
 * target is reached; {@link #timeToReach} gives the exact instant of any speed, so supervisors schedule
 * their thresholds instead of polling.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Rotor {
    /** From the TUB profile: standstill to {@code highRpm} in {@code accelTimeHighNanos} and so on. */
    public record Parameters(double highRpm, long accelTimeHighNanos, long brakeTimeNanos, long coastTimeNanos) {
    }

    private enum Mode { DRIVE, BRAKE, COAST }

    private static final long SEIZE_NANOS = 100_000_000L;

    private final Scheduler scheduler;
    private final Parameters p;
    private final AnalogSignal rpmSignal;
    private final List<Runnable> listeners = new ArrayList<>(2);
    private final org.hilrig.timing.sched.Timer reached;
    private Mode mode = Mode.COAST;
    private long t0;
    private double rpm0;
    private double targetRpm;
    private double accelFactor = 1.0;
    private boolean seized;
    private boolean phaseLost;

    public Rotor(Scheduler scheduler, Parameters p, AnalogSignal rpmSignal) {
        this.scheduler = scheduler;
        this.p = p;
        this.rpmSignal = rpmSignal;
        this.reached = scheduler.timer("plant.rotor.reached", this::publish);
    }

    /** Called after every change of regime (drive, brake, coast, fault), on the scheduler's thread. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public double rpm() {
        return rpmAt(scheduler.nowNanos());
    }

    public double targetRpm() {
        return targetRpm;
    }

    public boolean isDriven() {
        return mode == Mode.DRIVE;
    }

    /** Drives toward {@code rpm}. */
    public void drive(double rpm) {
        change(Mode.DRIVE, rpm);
    }

    public void brake() {
        change(Mode.BRAKE, 0);
    }

    public void coast() {
        change(Mode.COAST, 0);
    }

    /** Stall: the anode seizes (bearing failure) and stops within 100 ms whatever the drive does. */
    public void seize() {
        reanchor();
        seized = true;
        changed();
    }

    /** Loss of a motor phase: the drive no longer accelerates the anode, which coasts. */
    public void losePhase() {
        reanchor();
        phaseLost = true;
        changed();
    }

    public boolean isPhaseLost() {
        return phaseLost;
    }

    /** Scales the acceleration (0.5: a weak drive takes twice as long); restores with 1. */
    public void setAccelFactor(double factor) {
        reanchor();
        accelFactor = factor;
        changed();
    }

    /** Clears seizure and phase loss (the tube was replaced). */
    public void repair() {
        reanchor();
        seized = false;
        phaseLost = false;
        changed();
    }

    private void change(Mode m, double target) {
        reanchor();
        mode = m;
        targetRpm = target;
        changed();
    }

    private void changed() {
        publish();
        reached.cancel();
        long t = timeToReach(effectiveTarget());
        if (t != Long.MAX_VALUE && t > scheduler.nowNanos()) {
            reached.at(t);
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).run();
        }
    }

    private double effectiveTarget() {
        return effectiveMode() == Mode.DRIVE ? targetRpm : 0.0;
    }

    private void reanchor() {
        long t = scheduler.nowNanos();
        rpm0 = rpmAt(t);
        t0 = t;
    }

    private Mode effectiveMode() {
        return mode == Mode.DRIVE && (phaseLost || seized) ? Mode.COAST : mode;
    }

    /** Speed change per nanosecond in the current regime toward its end value (signed). */
    private double ratePerNano() {
        if (seized) {
            return -p.highRpm() / SEIZE_NANOS;
        }
        return switch (effectiveMode()) {
            case DRIVE -> rpm0 <= targetRpm ? accelFactor * p.highRpm() / p.accelTimeHighNanos()
                    : -p.highRpm() / p.coastTimeNanos();
            case BRAKE -> -p.highRpm() / p.brakeTimeNanos();
            case COAST -> -p.highRpm() / p.coastTimeNanos();
        };
    }

    /** Speed at time {@code t} (at or after the last change), in rpm. */
    public double rpmAt(long t) {
        double r = ratePerNano();
        double end = seized ? 0.0 : effectiveTarget();
        double v = rpm0 + r * (t - t0);
        return r >= 0 ? Math.min(end, v) : Math.max(end, v);
    }

    /**
     * The first time at or after now when the speed equals {@code rpm} in the current regime, or
     * {@link Long#MAX_VALUE} when it never will. Exact to the nanosecond (rounded up).
     */
    public long timeToReach(double rpm) {
        long now = scheduler.nowNanos();
        double current = rpmAt(now);
        double r = ratePerNano();
        double end = seized ? 0.0 : effectiveTarget();
        if (current == rpm) {
            return now;
        }
        boolean up = rpm > current;
        if (r == 0 || (up && (r < 0 || rpm > end)) || (!up && (r > 0 || rpm < end))) {
            return Long.MAX_VALUE;
        }
        return t0 + (long) Math.ceil((rpm - rpm0) / r);
    }

    private void publish() {
        rpmSignal.set(Math.round(rpm()));
    }
}
