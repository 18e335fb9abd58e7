package org.hilrig.runner.realtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hilrig.timing.Clock;

/**
 * How late the operating system wakes an ordinary thread, watched while the rig is open: a daemon thread
 * at ordinary priority sleeps {@link #PERIOD_NANOS} again and again and notes by how much each wake-up came
 * late. The kernel's tty work that carries every serial byte, and any reader the system would not raise,
 * wait the same way, so a late wake-up here says that the stamps taken around it may be late by as much.
 * The real-time rig adds the worst lateness since its last stimulus to the uncertainty it declares.
 */
final class WakeupMonitor implements AutoCloseable {
    /** How long the monitor sleeps between looks, ns. */
    static final long PERIOD_NANOS = 1_000_000L;

    private final Clock clock;
    private final AtomicLong worstSinceMark = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private WakeupMonitor(Clock clock) {
        this.clock = clock;
        this.thread = new Thread(this::loop, "hil-wakeup-monitor");
        thread.setDaemon(true);
    }

    /** Starts watching on {@code clock}. */
    static WakeupMonitor start(Clock clock) {
        WakeupMonitor m = new WakeupMonitor(clock);
        m.thread.start();
        return m;
    }

    /** The worst lateness since the last {@link #mark()} (or the start), ns, the sleep's own period not counted. */
    long worstSinceMarkNanos() {
        return worstSinceMark.get();
    }

    /** Starts a new window: the worst lateness seen so far is forgotten. */
    void mark() {
        worstSinceMark.set(0);
    }

    private void loop() {
        while (running) {
            long before = clock.nowNanos();
            LockSupport.parkNanos(this, PERIOD_NANOS);
            long late = clock.nowNanos() - before - PERIOD_NANOS;
            if (late > 0) {
                worstSinceMark.accumulateAndGet(late, Math::max);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
