package org.hilrig.runner.realtime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.hilrig.device.sim.HostLink;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.io.ByteLink;
import org.hilrig.runner.io.ByteReceiver;
import org.hilrig.runner.io.RealtimePriority;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;

/**
 * An emulated board on wall time with its UART on a real port: a {@link Machine} paced by a {@link
 * WallPacer}, bytes from the port handed over to the pacer thread and put on the board's receive line at
 * the wall time the port's reader stamped them (on the pacer's clock, which the port is opened with),
 * bytes from the board written to the port after each pacer pass (so they leave when the board sent them,
 * a whole frame at a time, give or take the pacer's lateness). A port that fails or is lost does not stop
 * the board: it runs on with its cable gone ({@link #portLost()} says why).
 *
 * <p>A pseudo-terminal or a TCP connection has no baud rate, and the port's reader must not block, so the
 * host cannot be made to wait for the board's line as a real serial port would make it: the board takes
 * what the host sends at its baud rate through the cable's {@link HostLink#HOST_BUFFER_BYTES} buffer
 * ({@link HostLink#offer}), and what the host sends beyond that is lost before the line and counted
 * ({@link #hostBytesLost()}). However much a host sends, at whatever rate, nothing here throws.
 *
 * <p>Threads: the port's reader thread only queues bytes; the pacer thread alone touches the machine and
 * writes to the port. {@link #inPacer} runs other work (driving lines, reading the trace) on the pacer
 * thread. The board owns its port and closes it in {@link #close}.
 */
public final class PacedBoard implements AutoCloseable {
    private final Machine machine;
    private final WallPacer pacer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile ByteLink port;
    private volatile RigFailureException portLost;
    private volatile WriteListener writeListener = (bytes, wallNanos) -> { };
    private static final byte ETX = 0x03;
    private final long idleNanos;
    private final int realtimePriority;
    private volatile String readerRefused;
    private long lastByteNanos;
    /** Bytes of {@link #pending} up to and including the last ETX in it (0: none). */
    private int endOfLastFrame;
    /** Bytes the reader has handed over that the pacer has not yet offered to the line. */
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong hostBytesLost = new AtomicLong();

    private PacedBoard(Machine machine, Clock wall, long spinNanos, int realtimePriority) {
        this.realtimePriority = realtimePriority;
        this.machine = machine;
        this.pacer = new WallPacer(machine.scheduler(), wall, spinNanos);
        HostLink link = machine.hostLink();
        this.idleNanos = 2 * link.byteNanos();
        link.onReceive((t, b) -> {
            pending.write(b);
            lastByteNanos = t;
            if (b == ETX) {
                endOfLastFrame = pending.size();
            }
        });
        pacer.afterEachPass(this::flush);
    }

    /**
     * Starts {@code machine} (still at time 0) on wall time with its UART on the port {@code opener} opens
     * (given the pacer's wall clock, to stamp received bytes with, and the receiver that feeds the board);
     * the pacer starts once the port is open.
     *
     * @throws RigFailureException when the port cannot be opened
     */
    public static PacedBoard start(Machine machine, long spinNanos, BiFunction<Clock, ByteReceiver, ByteLink> opener) {
        return start(machine, new MonotonicClock(), spinNanos, 0, opener);
    }

    /**
     * As {@link #start(Machine, long, BiFunction)}, on a given wall clock, whose reading now becomes the
     * machine's time 0 only if the clock reads 0 now; otherwise the machine first catches up to the clock's
     * reading (its boot then lies in the past). A measurement shares the rig's clock with the board this
     * way, so board and rig times are comparable.
     */
    public static PacedBoard start(Machine machine, Clock wall, long spinNanos,
                                   BiFunction<Clock, ByteReceiver, ByteLink> opener) {
        return start(machine, wall, spinNanos, 0, opener);
    }

    /**
     * As {@link #start(Machine, Clock, long, BiFunction)}, with the pacer thread and the port's reader
     * thread in real-time scheduling at {@code realtimePriority} (0: ordinary priority) where the system
     * allows it; {@link #realtimeRefused()} says why not.
     */
    public static PacedBoard start(Machine machine, Clock wall, long spinNanos, int realtimePriority,
                                   BiFunction<Clock, ByteReceiver, ByteLink> opener) {
        if (machine.scheduler().nowNanos() != 0) {
            throw new IllegalArgumentException("the machine has already run to " + machine.scheduler().nowNanos() + " ns");
        }
        PacedBoard board = new PacedBoard(machine, wall, spinNanos, realtimePriority);
        board.port = opener.apply(wall, board.new Feed());
        board.pacer.start("hil-pacer-" + machine.boardUnderTest(), realtimePriority);
        return board;
    }

    public Machine machine() {
        return machine;
    }

    public WallPacer pacer() {
        return pacer;
    }

    /** What the board's UART is on, e.g. {@code serial /dev/pts/7 at 115200 baud}. */
    public String describePort() {
        return port.describe();
    }

    /**
     * Why the pacer or the port's reader did not get the real-time priority asked for (once they have
     * tried), or null.
     */
    public String realtimeRefused() {
        return pacer.realtimeRefused() != null ? pacer.realtimeRefused() : readerRefused;
    }

    /**
     * Bytes from the host lost before they reached the board's line because the host sent them faster than
     * the baud rate carries them, beyond the cable's buffer; callable from any thread.
     */
    public long hostBytesLost() {
        return hostBytesLost.get();
    }

    /** Why the port was lost, or null while it is open (or was closed by its owner). */
    public RigFailureException portLost() {
        return portLost;
    }

    /** What the board put on its port, and when. */
    @FunctionalInterface
    public interface WriteListener {
        /** On the pacer thread: {@code bytes} were written to the port, handed to it at {@code wallNanos}. */
        void written(byte[] bytes, long wallNanos);
    }

    /**
     * Tells {@code listener} of every write to the port from now on, with the wall time they were handed to
     * the port (when the bytes went on the cable, as opposed to the board's virtual time for them, which is
     * earlier by the pacer's lateness); replaces any earlier listener.
     */
    public void onWrite(WriteListener listener) {
        this.writeListener = listener;
    }

    /** Runs {@code action} on the pacer thread, with the machine at the wall time of this call. */
    public void inPacer(Runnable action) {
        pacer.submit(action);
    }

    /**
     * Writes what the board sent up to the end of its last whole frame (its ETX), or everything once the
     * line has been idle for two byte times, so a frame goes to the port in one write: a pacer stalled
     * mid-frame (a loaded machine) must not put a gap into a frame that the board's UART sent without one.
     * The start of a frame still on the line when another ended waits for its own ETX: written with the
     * frame before it, the rest would follow as late as the pacer is, and a host that applies the 10 ms
     * inter-byte rule to what it reads would discard it.
     */
    private void flush() {
        int size = pending.size();
        boolean idle = size > 0 && machine.scheduler().nowNanos() - lastByteNanos >= idleNanos;
        int length = idle ? size : endOfLastFrame;
        if (length == 0) {
            return;
        }
        byte[] all = pending.toByteArray();
        byte[] bytes = length == all.length ? all : Arrays.copyOf(all, length);
        pending.reset();
        pending.write(all, length, all.length - length);
        endOfLastFrame = 0;
        ByteLink p = port;
        if (p != null && p.isOpen() && portLost == null) {
            try {
                long handed = pacer.wall().nowNanos();
                p.write(bytes);
                writeListener.written(bytes, handed);
            } catch (RigFailureException e) {
                portLost = e; // the board runs on with its cable gone, as a real one would
            }
        }
    }

    /** Stops the pacer, then closes the port; idempotent. */
    @Override
    public void close() {
        pacer.close();
        ByteLink p = port;
        if (p != null) {
            p.close();
        }
    }

    /** On the port's reader thread: hand over, nothing else. */
    private final class Feed implements ByteReceiver {
        @Override
        public void readerStarted() {
            if (realtimePriority > 0) {
                readerRefused = RealtimePriority.raiseCurrentThread(realtimePriority).orElse(null);
            }
        }

        /**
         * Hands the bytes to the pacer, which offers them to the line. Should the pacer fall behind the
         * reader by more than the cable's buffer, the excess could not be taken anyway: it is counted as lost
         * here, so a flood cannot fill the memory while the pacer catches up.
         */
        @Override
        public void received(byte[] bytes, long timeNanos) {
            long room = HostLink.HOST_BUFFER_BYTES - handedOver.get();
            byte[] kept = room >= bytes.length ? bytes : Arrays.copyOf(bytes, (int) Math.max(0, room));
            if (kept.length < bytes.length) {
                hostBytesLost.addAndGet(bytes.length - kept.length);
            }
            if (kept.length == 0) {
                return;
            }
            handedOver.addAndGet(kept.length);
            pacer.submitAt(timeNanos, () -> {
                handedOver.addAndGet(-kept.length);
                int taken = machine.hostLink().offer(kept);
                hostBytesLost.addAndGet(kept.length - taken);
            });
        }

        @Override
        public void lost(RigFailureException cause) {
            portLost = cause;
        }
    }
}
