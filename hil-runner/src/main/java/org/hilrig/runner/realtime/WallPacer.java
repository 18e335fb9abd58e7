package org.hilrig.runner.realtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.sched.Scheduler;

/**
 * The clock adapter that runs a virtual-time {@link Scheduler} on wall time: the only place where an
 * emulated board meets the machine's clock. Its thread advances the scheduler to the wall clock's
 * reading, runs every event that has come due, then parks ({@link LockSupport#parkNanos}) until the next
 * one is due, spinning the last {@code spinNanos} for precision. Scheduler time and wall time share one
 * origin: the wall clock's zero is the scheduler's zero.
 *
 * <p>Thread confinement: once {@link #start}ed, only the pacer thread touches the scheduler (and whatever
 * it drives, such as a {@code Machine}). Other threads hand work over with {@link #submit}: tasks run on
 * the pacer thread, in submission order, at the scheduler time equal to the wall time when they are taken
 * from the queue (so bytes from a port reach the board when the pacer sees them, never earlier).
 *
 * <p>An event or task that throws stops the pacer; {@link #failure()} then says why and {@link
 * #awaitStopped} rethrows it.
 */
public final class WallPacer implements AutoCloseable {
    /** Default busy-wait before a due event: long enough to absorb a park's usual oversleep. */
    public static final long DEFAULT_SPIN_NANOS = 50_000L;
    /** The pacer never parks longer than this, so a stop is noticed promptly. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Scheduler scheduler;
    private final Clock wall;
    private final long spinNanos;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong worstLatenessNanos = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Throwable failure;
    private Runnable afterEachPass = () -> { };

    /**
     * @param scheduler the virtual time to pace; its clock must not be ahead of {@code wall}
     * @param wall the wall clock (a {@link org.hilrig.timing.MonotonicClock} made for this board)
     * @param spinNanos how long before a due event to stop parking and spin, ns (0: park only)
     */
    public WallPacer(Scheduler scheduler, Clock wall, long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin " + spinNanos + " ns is negative");
        }
        this.scheduler = scheduler;
        this.wall = wall;
        this.spinNanos = spinNanos;
    }

    /**
     * Something to run on the pacer thread after each pass (events run, tasks taken), such as flushing the
     * board's output to its port. Set before {@link #start}.
     */
    public void afterEachPass(Runnable action) {
        if (thread != null) {
            throw new IllegalStateException("the pacer is already running");
        }
        this.afterEachPass = action;
    }

    /** Starts the pacer thread (a daemon named {@code name}). */
    public synchronized void start(String name) {
        if (thread != null) {
            throw new IllegalStateException("the pacer was already started");
        }
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Hands a task to the pacer thread; callable from any thread, never blocks. */
    public void submit(Runnable task) {
        tasks.add(task);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The wall clock the scheduler is paced to. */
    public Clock wall() {
        return wall;
    }

    /** How late, at worst, the pacer ran an event after its due time, ns (pacing error seen so far). */
    public long worstLatenessNanos() {
        return worstLatenessNanos.get();
    }

    /** Why the pacer stopped by itself, or null. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        try {
            while (running) {
                long now = wall.nowNanos();
                long due = scheduler.nextDueNanos();
                if (due <= now) {
                    long late = now - due;
                    if (late > worstLatenessNanos.get()) {
                        worstLatenessNanos.set(late);
                    }
                }
                scheduler.runUntil(Math.max(now, scheduler.nowNanos()));
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                afterEachPass.run();
                waitForNext();
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            running = false;
        }
    }

    private void waitForNext() {
        while (running && tasks.isEmpty()) {
            long remaining = scheduler.nextDueNanos() - wall.nowNanos();
            if (remaining <= 0) {
                return;
            }
            if (remaining > spinNanos) {
                LockSupport.parkNanos(this, Math.min(remaining - spinNanos, MAX_PARK_NANOS));
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Stops the pacer and waits for its thread to finish its pass; idempotent. Callable from any thread
     * but the pacer's own (a shutdown hook included).
     */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until the pacer stops (closed, or failed).
     *
     * @throws RigFailureException when it stopped because an event or task threw
     */
    public void awaitStopped() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
        if (failure != null) {
            throw new RigFailureException("emulated board stopped: " + failure, failure);
        }
    }
}
