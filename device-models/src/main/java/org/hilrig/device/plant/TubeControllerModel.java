package org.hilrig.device.plant;

import java.util.ArrayDeque;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The tube controller as a plant-level model, for testing the generator alone: event driven, no firmware,
 * no serial link. It starts the rotor on {@code rotor_start}, asserts {@code rotor_ready} at the exact
 * instant the anode reaches the ready fraction of its target, drops it when the anode falls under the
 * stall fraction (or at once on a phase loss), refuses starts beyond the start-rate limit and raises
 * {@code tub_fault} for each of those. The fault clears when {@code rotor_start} is released.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class TubeControllerModel {
    /** From the TUB profile's {@code rotor} section. */
    public record Parameters(double targetRpm, double readyFraction, double stallFraction, long accelTimeoutNanos,
                             long startWindowNanos, int startsMax) {
    }

    private final Scheduler scheduler;
    private final Parameters p;
    private final Rotor rotor;
    private final DigitalSignal ready;
    private final DigitalSignal fault;
    private final Timer readyAt;
    private final Timer stallAt;
    private final Timer accelTimeout;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private String faultCode = "";

    public TubeControllerModel(Scheduler scheduler, Parameters p, Rotor rotor, DigitalSignal rotorStart,
                               DigitalSignal ready, DigitalSignal fault) {
        this.scheduler = scheduler;
        this.p = p;
        this.rotor = rotor;
        this.ready = ready;
        this.fault = fault;
        this.readyAt = scheduler.timer("tub.model.ready", this::becomeReady);
        this.stallAt = scheduler.timer("tub.model.stall", () -> latch("T01"));
        this.accelTimeout = scheduler.timer("tub.model.accel_timeout", () -> latch("T01"));
        rotorStart.onEdge((s, high, t) -> {
            if (high) {
                start();
            } else {
                stop();
            }
        });
        rotor.onChange(this::rotorChanged);
    }

    /** The latched fault code ({@code T01}..{@code T04}) or empty. */
    public String faultCode() {
        return faultCode;
    }

    /** Fault injection: the start-rate record is full, as after back-to-back starts just now. */
    public void exhaustStarts() {
        long now = scheduler.nowNanos();
        while (starts.size() < p.startsMax()) {
            starts.addLast(now);
        }
    }

    private void start() {
        long now = scheduler.nowNanos();
        while (!starts.isEmpty() && starts.peekFirst() <= now - p.startWindowNanos()) {
            starts.pollFirst();
        }
        if (starts.size() >= p.startsMax()) {
            latch("T03");
            return;
        }
        starts.addLast(now);
        rotor.drive(p.targetRpm());
        accelTimeout.after(p.accelTimeoutNanos());
    }

    private void stop() {
        readyAt.cancel();
        stallAt.cancel();
        accelTimeout.cancel();
        ready.set(false);
        fault.set(false);
        faultCode = "";
        rotor.brake();
    }

    private void rotorChanged() {
        if (!rotor.isDriven() || !faultCode.isEmpty()) {
            return;
        }
        if (rotor.isPhaseLost()) {
            latch("T02");
            return;
        }
        if (ready.isHigh()) {
            long t = rotor.timeToReach(p.stallFraction() * p.targetRpm());
            if (t != Long.MAX_VALUE) {
                stallAt.at(t);
            }
        } else {
            double readyRpm = p.readyFraction() * p.targetRpm();
            long t = rotor.rpm() >= readyRpm ? scheduler.nowNanos() : rotor.timeToReach(readyRpm);
            if (t != Long.MAX_VALUE) {
                readyAt.at(t);
            } else {
                readyAt.cancel();
            }
        }
    }

    private void becomeReady() {
        accelTimeout.cancel();
        ready.set(true);
        rotorChanged();
    }

    private void latch(String code) {
        faultCode = code;
        readyAt.cancel();
        stallAt.cancel();
        accelTimeout.cancel();
        ready.set(false);
        fault.set(true);
        rotor.coast();
    }
}
