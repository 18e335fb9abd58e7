package org.hilrig.device.plant;

import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The automatic exposure control chamber: its stop output to the generator is the rig's {@code AEC_STOP}
 * or its own dose decision, whichever comes first. When armed with a dose time it asserts stop that long
 * after X-rays come on (and releases it when they go off); a chamber that never stops is simply not armed.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Aec {
    private final DigitalSignal rig;
    private final DigitalSignal pin;
    private final Timer stopAt;
    private long doseNanos = -1;
    private boolean own;

    public Aec(Scheduler scheduler, DigitalSignal rig, DigitalSignal xrayOn, DigitalSignal pin) {
        this.rig = rig;
        this.pin = pin;
        this.stopAt = scheduler.timer("plant.aec.stop", () -> {
            own = true;
            update();
        });
        rig.onEdge((s, high, t) -> update());
        xrayOn.onEdge((s, high, t) -> {
            if (high && doseNanos >= 0) {
                stopAt.after(doseNanos);
            } else if (!high) {
                stopAt.cancel();
                own = false;
                update();
            }
        });
    }

    /** Stops every following exposure {@code doseNanos} after X-ray on. */
    public void arm(long doseNanos) {
        this.doseNanos = doseNanos;
    }

    /** The chamber never stops (the backup timer must). */
    public void disarm() {
        doseNanos = -1;
        stopAt.cancel();
    }

    private void update() {
        pin.set(own || rig.isHigh());
    }
}
