package org.hilrig.runner.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hilrig.timing.Clock;

/**
 * How long the kernel's tty layer takes to carry a byte through one pseudo-terminal now, watched while a
 * serial rig is open: on each CPU a daemon thread at ordinary priority, pinned there, writes one byte to the
 * master side of a private pseudo-terminal every {@link #PERIOD_NANOS} and waits for it on the slave side. Every byte of a serial
 * link, a socat cable's and a real UART's receive path alike, is moved by the same kernel work (the tty flip
 * buffer's worker, a kworker at ordinary priority that real-time threads cannot hurry): when a loaded machine
 * keeps it off the CPUs, every serial stamp is late by as much, whatever the rig's own threads' priority.
 * The real-time rig adds the worst transit since its last stimulus to the uncertainty of serial stamps.
 *
 * <p>Seen on a 2-core machine with two other builds running (load 5): replies of a board that answered in
 * 0.3 ms stamped 17-30 ms late, with every thread of rig, cable and board at real-time priority, while a
 * sleeping ordinary thread woke within 1-2 ms.
 *
 * <p>Linux only ({@code posix_openpt}); {@link #start} says why it could not start elsewhere.
 */
public final class TtyLatencyMonitor implements AutoCloseable {
    /** How often a byte is sent through, ns. */
    public static final long PERIOD_NANOS = 1_000_000L;
    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_NONBLOCK = 0x800;
    private static final short POLLIN = 0x001;
    private static final int WAIT_MILLIS = 1_000;

    /** The C library calls, loaded on first use. */
    private interface LibC extends Library {
        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        String ptsname(int fd);

        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int tcgetattr(int fd, Pointer termios) throws LastErrorException;

        void cfmakeraw(Pointer termios);

        int tcsetattr(int fd, int when, Pointer termios) throws LastErrorException;

        int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        int sched_setaffinity(int pid, NativeLong size, Pointer mask) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC C = Native.load("c", LibC.class);
    }

    private final Clock clock;
    private final java.util.List<Probe> probes;

    private TtyLatencyMonitor(Clock clock, java.util.List<Probe> probes) {
        this.clock = clock;
        this.probes = probes;
    }

    /**
     * Starts watching on {@code clock}, one probe pinned to each CPU (the tty work of a write is queued on the
     * writer's CPU: a CPU kept busy by a real-time thread holds back the bytes written there and nowhere else),
     * or says why it could not (no {@code /dev/ptmx}, not Linux): the caller then declares no tty part. A CPU
     * that a probe cannot be pinned to is watched by an unpinned probe.
     */
    public static Result start(Clock clock) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new Result(null, "not Linux");
        }
        java.util.List<Probe> probes = new java.util.ArrayList<>();
        try {
            for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
                probes.add(Probe.open(clock, cpu));
            }
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            probes.forEach(Probe::close);
            return new Result(null, "no private pseudo-terminal (" + e.getMessage() + ")");
        }
        probes.forEach(p -> p.thread.start());
        return new Result(new TtyLatencyMonitor(clock, probes), null);
    }

    /** A started monitor, or why there is none. */
    public record Result(TtyLatencyMonitor monitor, String refused) {
        public Optional<TtyLatencyMonitor> started() {
            return Optional.ofNullable(monitor);
        }
    }

    /**
     * The longest time one byte took through a pseudo-terminal since the last {@link #mark()}, on any CPU, ns,
     * a byte still on its way counted for as long as it has been (a stalled tty layer shows at once, not only
     * when it delivers again).
     */
    public long worstSinceMarkNanos() {
        long now = clock.nowNanos();
        long worst = 0;
        for (Probe p : probes) {
            long since = p.inFlightSinceNanos;
            worst = Math.max(worst, Math.max(p.worstSinceMark.get(), since < 0 ? 0 : now - since));
        }
        return worst;
    }

    /** Starts a new window: the worst transit seen so far is forgotten. */
    public void mark() {
        probes.forEach(p -> p.worstSinceMark.set(0));
    }

    /** One pseudo-terminal and the thread, pinned to one CPU, that sends a byte through it every period. */
    private static final class Probe {
        private final Clock clock;
        private final int master;
        private final int slave;
        private final int cpu;
        private final AtomicLong worstSinceMark = new AtomicLong();
        /** When the byte now on its way was written, or -1 while none is. */
        private volatile long inFlightSinceNanos = -1;
        private volatile boolean running = true;
        private final Thread thread;

        private Probe(Clock clock, int master, int slave, int cpu) {
            this.clock = clock;
            this.master = master;
            this.slave = slave;
            this.cpu = cpu;
            this.thread = new Thread(this::loop, "hil-tty-monitor-cpu" + cpu);
            thread.setDaemon(true);
        }

        static Probe open(Clock clock, int cpu) {
            LibC c = Holder.C;
            int master = c.posix_openpt(O_RDWR | O_NOCTTY);
            try {
                c.grantpt(master);
                c.unlockpt(master);
                int slave = c.open(c.ptsname(master), O_RDWR | O_NOCTTY | O_NONBLOCK);
                Memory termios = new Memory(256);
                c.tcgetattr(slave, termios);
                c.cfmakeraw(termios);
                c.tcsetattr(slave, 0, termios);
                return new Probe(clock, master, slave, cpu);
            } catch (LastErrorException e) {
                c.close(master);
                throw e;
            }
        }

        private void pin() {
            Memory mask = new Memory(128);
            mask.clear();
            mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
            try {
                Holder.C.sched_setaffinity(0, new NativeLong(128), mask);
            } catch (LastErrorException e) {
                // not allowed on this CPU (a cpuset): watched from wherever the scheduler puts the thread
            }
        }

        private void loop() {
            pin();
            Memory one = new Memory(1);
            one.setByte(0, (byte) 0x55);
            Memory in = new Memory(64);
            Memory pollfd = new Memory(8);
            try {
                while (running) {
                    long sent = clock.nowNanos();
                    inFlightSinceNanos = sent;
                    Holder.C.write(master, one, new NativeLong(1));
                    pollfd.setInt(0, slave);
                    pollfd.setShort(4, POLLIN);
                    pollfd.setShort(6, (short) 0);
                    int n = Holder.C.poll(pollfd, new NativeLong(1), WAIT_MILLIS);
                    worstSinceMark.accumulateAndGet(clock.nowNanos() - sent, Math::max);
                    inFlightSinceNanos = -1;
                    if (n > 0) {
                        Holder.C.read(slave, in, new NativeLong(64));
                    }
                    LockSupport.parkNanos(this, PERIOD_NANOS);
                }
            } catch (LastErrorException e) {
                // the pseudo-terminal failed under us: from now on nothing is known, so nothing is promised
                inFlightSinceNanos = clock.nowNanos() - Long.MAX_VALUE / 8;
            }
        }

        void close() {
            running = false;
            LockSupport.unpark(thread);
            if (thread.isAlive()) {
                try {
                    thread.join(2L * WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Holder.C.close(slave);
            Holder.C.close(master);
        }
    }

    /** Stops the probes' threads, then closes their pseudo-terminals. */
    @Override
    public void close() {
        probes.forEach(Probe::close);
    }
}
