package org.hilrig.device.mcu;

import org.hilrig.timing.sched.Timer;

/**
 * The independent watchdog (IWDG): once started it cannot be stopped by firmware; if not kicked within its
 * timeout it resets the core with reason WATCHDOG. Stopped by a reset, like the real one after power-on.
 */
public final class IndependentWatchdog implements Mcu.Peripheral {
    private final Mcu mcu;
    private final Timer expiry;
    private long timeoutNanos;
    private long lastKickNanos;

    public IndependentWatchdog(Mcu mcu) {
        this.mcu = mcu;
        this.expiry = mcu.scheduler().timer(mcu.name() + ".iwdg", this::expire);
        mcu.attach(this);
    }

    /** Starts the watchdog with this timeout (above 0); the first kick is due one timeout from now. */
    public void start(long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("watchdog timeout " + timeoutNanos + " ns must be above 0");
        }
        this.timeoutNanos = timeoutNanos;
        this.lastKickNanos = mcu.scheduler().nowNanos();
        expiry.after(timeoutNanos);
    }

    /**
     * Reloads the counter. Ignored when not started. Costs no scheduler operation: the expiry check re-arms
     * itself from the last kick when it comes due, so it still fires exactly one timeout after the last kick.
     */
    public void kick() {
        if (expiry.isPending()) {
            lastKickNanos = mcu.scheduler().nowNanos();
        }
    }

    public boolean isRunning() {
        return expiry.isPending();
    }

    private void expire() {
        long due = lastKickNanos + timeoutNanos;
        if (due > mcu.scheduler().nowNanos()) {
            expiry.at(due);
            return;
        }
        mcu.reset(ResetReason.WATCHDOG);
    }

    @Override
    public void reset() {
        expiry.cancel();
    }
}
