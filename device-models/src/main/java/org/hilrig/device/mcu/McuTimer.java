package org.hilrig.device.mcu;

import org.hilrig.timing.sched.Timer;

/**
 * A hardware timer channel: one-shot or periodic compare that runs its handler at the exact compare time.
 * Stopped by any reset. A fault can make it lose its next compare event ({@link #loseNextCompare()}),
 * as a missed tick would.
 */
public final class McuTimer implements Mcu.Peripheral {
    private final Mcu mcu;
    private final Timer timer;
    private final Runnable handler;
    private boolean loseNext;

    public McuTimer(Mcu mcu, String name, Runnable handler) {
        this.mcu = mcu;
        this.handler = handler;
        this.timer = mcu.scheduler().timer(mcu.name() + "." + name, this::fire);
        mcu.attach(this);
    }

    /** Starts (or restarts) a one-shot compare {@code delayNanos} from now. */
    public void startOneShot(long delayNanos) {
        timer.period(0).after(delayNanos);
    }

    /** Starts (or restarts) a one-shot compare at an absolute time, not in the past. */
    public void startAt(long atNanos) {
        timer.period(0).at(atNanos);
    }

    /** Starts (or restarts) a periodic compare, first one period from now. */
    public void startPeriodic(long periodNanos) {
        timer.period(periodNanos).after(periodNanos);
    }

    public void stop() {
        timer.cancel();
    }

    public boolean isRunning() {
        return timer.isPending();
    }

    /** When the next compare fires (meaningful while running). */
    public long dueNanos() {
        return timer.dueNanos();
    }

    /** The next compare event is lost: the handler does not run for it (fault injection). */
    public void loseNextCompare() {
        loseNext = true;
    }

    private void fire() {
        if (!mcu.isRunning()) {
            return;
        }
        if (loseNext) {
            loseNext = false;
            return;
        }
        handler.run();
    }

    @Override
    public void reset() {
        timer.cancel();
        loseNext = false;
    }
}
