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
        expiry.after(timeoutNanos);
    }

    /** Reloads the counter. Ignored when not started. */
    public void kick() {
        if (expiry.isPending()) {
            expiry.after(timeoutNanos);
        }
    }

    public boolean isRunning() {
        return expiry.isPending();
    }

    private void expire() {
        mcu.reset(ResetReason.WATCHDOG);
    }

    @Override
    public void reset() {
        expiry.cancel();
    }
}
