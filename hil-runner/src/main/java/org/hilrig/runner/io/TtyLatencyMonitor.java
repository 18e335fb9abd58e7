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
 * serial rig is open: a daemon thread at ordinary priority writes one byte to the master side of a private
 * pseudo-terminal every {@link #PERIOD_NANOS} and waits for it on the slave side. Every byte of a serial
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
    }

    private static final class Holder {
        static final LibC C = Native.load("c", LibC.class);
    }

    private final Clock clock;
    private final int master;
    private final int slave;
    private final AtomicLong worstSinceMark = new AtomicLong();
    /** When the byte now on its way was written, or -1 while none is. */
    private volatile long inFlightSinceNanos = -1;
    private final Thread thread;
    private volatile boolean running = true;

    private TtyLatencyMonitor(Clock clock, int master, int slave) {
        this.clock = clock;
        this.master = master;
        this.slave = slave;
        this.thread = new Thread(this::loop, "hil-tty-monitor");
        thread.setDaemon(true);
    }

    /**
     * Starts watching on {@code clock} on a fresh pseudo-terminal, or says why it could not (no
     * {@code /dev/ptmx}, not Linux): the caller then declares no tty part.
     */
    public static Result start(Clock clock) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new Result(null, "not Linux");
        }
        int master = -1;
        try {
            LibC c = Holder.C;
            master = c.posix_openpt(O_RDWR | O_NOCTTY);
            c.grantpt(master);
            c.unlockpt(master);
            int slave = c.open(c.ptsname(master), O_RDWR | O_NOCTTY | O_NONBLOCK);
            Memory termios = new Memory(256);
            c.tcgetattr(slave, termios);
            c.cfmakeraw(termios);
            c.tcsetattr(slave, 0, termios);
            TtyLatencyMonitor m = new TtyLatencyMonitor(clock, master, slave);
            m.thread.start();
            return new Result(m, null);
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            if (master >= 0) {
                Holder.C.close(master);
            }
            return new Result(null, "no private pseudo-terminal (" + e.getMessage() + ")");
        }
    }

    /** A started monitor, or why there is none. */
    public record Result(TtyLatencyMonitor monitor, String refused) {
        public Optional<TtyLatencyMonitor> started() {
            return Optional.ofNullable(monitor);
        }
    }

    /**
     * The longest time one byte took through the pseudo-terminal since the last {@link #mark()}, ns, the byte
     * still on its way counted for as long as it has been (a stalled tty layer shows at once, not only when it
     * delivers again).
     */
    public long worstSinceMarkNanos() {
        long since = inFlightSinceNanos;
        return Math.max(worstSinceMark.get(), since < 0 ? 0 : clock.nowNanos() - since);
    }

    /** Starts a new window: the worst transit seen so far is forgotten. */
    public void mark() {
        worstSinceMark.set(0);
    }

    private void loop() {
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
                long transit = clock.nowNanos() - sent;
                worstSinceMark.accumulateAndGet(transit, Math::max);
                inFlightSinceNanos = -1;
                if (n > 0) {
                    Holder.C.read(slave, in, new NativeLong(64));
                }
                LockSupport.parkNanos(this, PERIOD_NANOS);
            }
        } catch (LastErrorException e) {
            // the pseudo-terminal failed (closed under us): the worst seen stands, nothing more is watched
            worstSinceMark.accumulateAndGet(Long.MAX_VALUE / 4, Math::max);
        }
    }

    /** Stops the thread, then closes the pseudo-terminal. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2L * WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Holder.C.close(slave);
        Holder.C.close(master);
    }
}
