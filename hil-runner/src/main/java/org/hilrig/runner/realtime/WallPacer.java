package org.hilrig.runner.realtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hilrig.runner.io.RealtimePriority;
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
 * the pacer thread, in submission order, at the scheduler time equal to the wall time they carry (when
 * they were submitted, or when a port's reader stamped the bytes they deliver): the pacer first runs the
 * events due before that time, so a board sees its input when it arrived, not when the pacer woke up to
 * take it. A task stamped before the scheduler's time (the pacer was busy then) runs at the scheduler's
 * time: virtual time never goes back.
 *
 * <p>Pacing lateness ({@link #worstLatenessNanos()}) counts from the pacer's first pass: a scheduler that is
 * behind the wall clock when the pacer starts (a board whose time 0 was taken before its port was opened,
 * or one that joins a clock already running) first catches up, and that catch-up ({@link
 * #startCatchUpNanos()}) is not a pacing error.
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
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong worstLatenessNanos = new AtomicLong();
    private volatile long startCatchUpNanos = -1;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Throwable failure;
    private volatile String realtimeRefused;
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

    /** Starts the pacer thread (a daemon named {@code name}) at ordinary priority. */
    public void start(String name) {
        start(name, 0);
    }

    /**
     * Starts the pacer thread (a daemon named {@code name}), in real-time scheduling at {@code
     * realtimePriority} when that is above 0 and the system allows it ({@link #realtimeRefused()} says why
     * not, once the thread has tried).
     */
    public synchronized void start(String name, int realtimePriority) {
        if (thread != null) {
            throw new IllegalStateException("the pacer was already started");
        }
        running = true;
        Thread t = new Thread(() -> {
            if (realtimePriority > 0) {
                realtimeRefused = RealtimePriority.raiseCurrentThread(realtimePriority).orElse(null);
            }
            loop();
        }, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** A task and the wall time it is to run at. */
    private record Task(long atNanos, Runnable action) {
    }

    /** Hands a task to the pacer thread to run at the wall time now; callable from any thread, never blocks. */
    public void submit(Runnable task) {
        submitAt(wall.nowNanos(), task);
    }

    /**
     * Hands a task to the pacer thread to run at scheduler time {@code atNanos} of the {@linkplain #wall()
     * wall clock} (or at the scheduler's time, if that is later); callable from any thread, never blocks.
     * {@code atNanos} is a time already past, such as the stamp a port's reader gave the bytes the task
     * delivers; a future time is taken as now.
     */
    public void submitAt(long atNanos, Runnable task) {
        tasks.add(new Task(atNanos, task));
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The wall clock the scheduler is paced to. */
    public Clock wall() {
        return wall;
    }

    /**
     * How late, at worst, the pacer ran an event after its due time or, for an event due before the pacer's
     * first pass, after that pass began, ns (pacing error seen so far).
     */
    public long worstLatenessNanos() {
        return worstLatenessNanos.get();
    }

    /**
     * How far the scheduler's time lay behind the wall clock when the pacer's first pass began, ns (0 when it
     * was not behind), or -1 before that pass; the events of that stretch ran at once, in order.
     */
    public long startCatchUpNanos() {
        return startCatchUpNanos;
    }

    /** Why the pacer thread did not get the real-time priority it was started with, or null. */
    public String realtimeRefused() {
        return realtimeRefused;
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
            long firstPassNanos = wall.nowNanos();
            startCatchUpNanos = Math.max(0, firstPassNanos - scheduler.nowNanos());
            while (running) {
                long now = wall.nowNanos();
                long due = scheduler.nextDueNanos();
                if (due <= now) {
                    long late = now - Math.max(due, firstPassNanos);
                    if (late > worstLatenessNanos.get()) {
                        worstLatenessNanos.set(late);
                    }
                }
                Task task;
                while ((task = tasks.poll()) != null) {
                    long at = Math.min(Math.max(task.atNanos(), scheduler.nowNanos()), Math.max(now, scheduler.nowNanos()));
                    scheduler.runUntil(at);
                    task.action().run();
                }
                scheduler.runUntil(Math.max(now, scheduler.nowNanos()));
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
