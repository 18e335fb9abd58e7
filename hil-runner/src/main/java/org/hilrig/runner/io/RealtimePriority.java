package org.hilrig.runner.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Optional;

/**
 * Real-time scheduling for the threads on the timing path (a link's reader, an emulated board's pacer):
 * Linux {@code SCHED_FIFO} at a fixed priority, so that a thread woken by its I/O runs at once instead of
 * waiting behind ordinary work, and sleeps without the kernel's timer slack. Needs {@code CAP_SYS_NICE}
 * (root, or an {@code rtprio} limit in {@code /etc/security/limits.conf}); where the system refuses, the
 * thread runs on at its ordinary priority and the caller is told why.
 *
 * <p>Threads raised this way must block, not spin: a busy real-time thread keeps ordinary threads off its
 * core (the kernel lets them have 5% of each second).
 */
public final class RealtimePriority {
    /** The highest priority a fixture may ask for: above the kernel's threaded interrupt handlers (50), below 99. */
    public static final int MAX = 90;
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    private static final int EPERM = 1;
    private static final int ESRCH = 3;

    private RealtimePriority() {
    }

    /** The C library call, loaded on first use. */
    private interface Sched extends Library {
        /** {@code sched_setscheduler(pid, policy, const struct sched_param *)}; pid 0 is the calling thread. */
        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;
    }

    private static final class Holder {
        static final Sched SCHED = Native.load("c", Sched.class);
    }

    /**
     * Puts the calling thread in {@code SCHED_FIFO} at {@code priority} (1 to {@link #MAX}).
     *
     * @return empty when done, else why not (not Linux, not permitted, ...)
     */
    public static Optional<String> raiseCurrentThread(int priority) {
        return raise(0, priority);
    }

    /**
     * Puts the calling thread back in ordinary scheduling ({@code SCHED_OTHER}); always allowed.
     *
     * @return empty when done, else why not
     */
    public static Optional<String> lowerCurrentThread() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Holder.SCHED.sched_setscheduler(0, SCHED_OTHER, new int[] {0});
            return Optional.empty();
        } catch (LastErrorException e) {
            return Optional.of("sched_setscheduler failed with errno " + e.getErrorCode());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("the C library cannot be reached (" + e.getMessage() + ")");
        }
    }

    /**
     * Puts the thread {@code tid} (a single-threaded process: its pid) in {@code SCHED_FIFO} at {@code
     * priority} (1 to {@link #MAX}); {@code tid} 0 is the calling thread.
     *
     * @return empty when done, else why not (not Linux, not permitted, no such thread, ...)
     */
    public static Optional<String> raise(long tid, int priority) {
        if (priority < 1 || priority > MAX) {
            throw new IllegalArgumentException("real-time priority " + priority + " is outside 1.." + MAX);
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("real-time scheduling is only set up on Linux");
        }
        try {
            Holder.SCHED.sched_setscheduler(Math.toIntExact(tid), SCHED_FIFO, new int[] {priority});
            return Optional.empty();
        } catch (LastErrorException e) {
            return Optional.of(e.getErrorCode() == EPERM
                    ? "not permitted (needs CAP_SYS_NICE: run as root, or give the user an rtprio limit)"
                    : e.getErrorCode() == ESRCH ? "no thread " + tid
                    : "sched_setscheduler failed with errno " + e.getErrorCode());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("the C library cannot be reached (" + e.getMessage() + ")");
        }
    }
}
