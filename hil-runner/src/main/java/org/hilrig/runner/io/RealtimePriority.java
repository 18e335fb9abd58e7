package org.hilrig.runner.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * Names (as {@code /proc/self/task/TID/comm} shows them, cut to 15 characters) of this JVM's own threads
     * that a Java thread may have to wait for: the VM thread (safepoint operations, the serial collector), the
     * JIT compiler threads (a thread asking for a compilation takes the compile queue's lock, which they hold
     * while taking work) and parallel collectors' workers.
     */
    static final List<String> JVM_SERVICE_THREAD_PREFIXES = List.of("VM Thread", "C1 CompilerThre", "C2 CompilerThre",
            "GC Thread#");

    /**
     * Puts this JVM's service threads ({@link #JVM_SERVICE_THREAD_PREFIXES}) in {@code SCHED_FIFO} at {@code
     * priority}, so that a real-time thread that has to wait for one (a safepoint, a compile request) waits for
     * it to run and not for ordinary load to let it run: without this, a loaded machine keeps a real-time
     * thread waiting behind an ordinary one (priority inversion; seen at 54 ms). Give them a priority below
     * the timing path's threads: they run rarely once the hot path is compiled, and must not delay it.
     * Compiler threads the JVM starts later, from a raised thread, inherit the priority.
     *
     * @return empty when every such thread was raised, else why not (the first refusal, and how many)
     */
    public static Optional<String> raiseJvmServiceThreads(int priority) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("real-time scheduling is only set up on Linux");
        }
        List<String> refusals = new ArrayList<>();
        int raised = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                } catch (IOException ended) {
                    continue; // the thread ended while we looked
                }
                if (JVM_SERVICE_THREAD_PREFIXES.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                Optional<String> refused = raise(Long.parseLong(task.getFileName().toString()), priority);
                if (refused.isPresent()) {
                    refusals.add(name + ": " + refused.get());
                } else {
                    raised++;
                }
            }
        } catch (IOException e) {
            return Optional.of("/proc/self/task: cannot list this process's threads (" + e.getMessage() + ")");
        }
        if (raised == 0 && refusals.isEmpty()) {
            return Optional.of("/proc/self/task: no JVM service thread found (looked for " + JVM_SERVICE_THREAD_PREFIXES + ")");
        }
        return refusals.isEmpty() ? Optional.empty()
                : Optional.of(refusals.get(0) + (refusals.size() > 1 ? " (and " + (refusals.size() - 1) + " more)" : ""));
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
