package org.hilrig.device.plant;

import org.hilrig.timing.random.SeededRandom;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * One contact of the operator's handswitch between what the rig drives and what the board's pin sees.
 * A press reaches the pin at once and bounces: 0 to 3 extra open/close pairs within {@code bounceMaxNanos},
 * drawn from the seeded stream, always ending closed. A release reaches the pin at once, cleanly. A stuck
 * contact holds the pin closed whatever the rig does; a broken one holds it open.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Handswitch {
    private final Scheduler scheduler;
    private final DigitalSignal rig;
    private final DigitalSignal pin;
    private final SeededRandom random;
    private final long bounceMaxNanos;
    private final org.hilrig.timing.sched.Timer bounce;
    private int bouncesLeft;
    private long bounceEndNanos;
    private boolean stuckClosed;
    private boolean brokenOpen;

    public Handswitch(Scheduler scheduler, DigitalSignal rig, DigitalSignal pin, SeededRandom random, long bounceMaxNanos) {
        this.scheduler = scheduler;
        this.rig = rig;
        this.pin = pin;
        this.random = random;
        this.bounceMaxNanos = bounceMaxNanos;
        this.bounce = scheduler.timer(pin.path() + ".bounce", this::bounceStep);
        rig.onEdge((s, high, t) -> follow());
    }

    /** A welded contact: the pin reads closed until {@link #free()}. */
    public void stick() {
        stuckClosed = true;
        bounce.cancel();
        pin.set(true);
    }

    /** A broken contact or wire: the pin reads open until {@link #free()}. */
    public void breakOpen() {
        brokenOpen = true;
        bounce.cancel();
        pin.set(false);
    }

    /** Back to normal: the pin follows the rig again. */
    public void free() {
        stuckClosed = false;
        brokenOpen = false;
        pin.set(rig.isHigh());
    }

    private void follow() {
        if (stuckClosed || brokenOpen) {
            return;
        }
        bounce.cancel();
        if (!rig.isHigh()) {
            pin.set(false);
            return;
        }
        pin.set(true);
        bouncesLeft = bounceMaxNanos > 0 ? 2 * random.nextInt(4) : 0;
        bounceEndNanos = scheduler.nowNanos() + bounceMaxNanos;
        scheduleBounce();
    }

    private void scheduleBounce() {
        if (bouncesLeft <= 0) {
            return;
        }
        long now = scheduler.nowNanos();
        long room = bounceEndNanos - now;
        long step = Math.max(1, room / (bouncesLeft + 1));
        bounce.after(1 + random.nextLong(step));
    }

    private void bounceStep() {
        bouncesLeft--;
        pin.set(bouncesLeft % 2 == 1 ? false : true);
        if (bouncesLeft == 0) {
            pin.set(rig.isHigh());
        }
        scheduleBounce();
    }
}
