package org.hilrig.runner.io;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;

/**
 * A {@link ByteLink} over a serial port through jSerialComm: opened by path, 8N1, no flow control.
 *
 * <p>Reading runs on the link's own thread, started (and its priority set) before {@link #open} returns: it
 * waits in the kernel for input, reads what is there, stamps it with the clock and hands it to the
 * receiver; on a hang-up or a failed read it closes the port and reports the loss once. Writes return once the driver has every byte, not when the UART has sent them: a
 * frame's bytes then leave at the line's rate.
 *
 * <p>A write during which the port takes no byte for the endpoint's {@linkplain
 * SerialEndpoint#writeTimeoutNanos() write timeout} (the far end stopped reading and the buffers between are
 * full) loses the link: the port is closed, the loss reported once and the write fails. Writes go through
 * the port's {@link PortDescriptor}, not jSerialComm's native write, which retries a full buffer in a loop
 * at full CPU and only returns once the far end reads: while the buffer is full the writer waits in the
 * kernel ({@code poll}, at most {@value #POLL_SLICE_MILLIS} ms at a time, so a close ends the wait soon).
 * Closing takes the write lock, so a descriptor is never written after jSerialComm closed it.
 */
public final class SerialByteLink implements ByteLink {
    /** The longest single wait in the kernel for room, so a close from another thread ends a waiting write soon. */
    static final int POLL_SLICE_MILLIS = 50;
    /** The wait after a refused write the kernel called writable: doubling from 100 us up to 10 ms. */
    private static final long MIN_BACKOFF_NANOS = 100_000L;
    private static final long MAX_BACKOFF_NANOS = 10_000_000L;
    /** Deadlines of writes are on wall time, whatever clock stamps received bytes. */
    private static final Clock WALL = new MonotonicClock();

    private final SerialEndpoint endpoint;
    private final SerialPort port;
    private final Clock clock;
    private final ByteReceiver receiver;
    private final PortDescriptor descriptor;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Object writeLock = new Object();
    private volatile String lostReason;
    private Thread reader;
    /** The most one read takes: more than a flood's worth of the kernel's tty buffer. */
    private static final int READ_BUFFER_BYTES = 4096;
    /** How long an open waits for its reader thread to start. */
    private static final int READER_START_SECONDS = 10;

    private SerialByteLink(SerialEndpoint endpoint, SerialPort port, Clock clock, ByteReceiver receiver,
            PortDescriptor descriptor) {
        this.endpoint = endpoint;
        this.port = port;
        this.clock = clock;
        this.receiver = receiver;
        this.descriptor = descriptor;
    }

    /**
     * Opens {@code endpoint} and starts delivering received bytes to {@code receiver}.
     *
     * @throws RigFailureException if nothing is at the path, the path is not a serial port or cannot be opened and configured, or
     *     (off Linux) its descriptor cannot be found to wait on
     */
    public static SerialByteLink open(SerialEndpoint endpoint, Clock clock, ByteReceiver receiver) {
        java.nio.file.Path path = java.nio.file.Path.of(endpoint.path());
        if (path.isAbsolute() && !java.nio.file.Files.exists(path)) {
            throw new RigFailureException(endpoint + ": no such port (nothing at " + path
                    + "; is the board plugged in, or the socat pair made?)");
        }
        if (java.nio.file.Files.isRegularFile(path) || java.nio.file.Files.isDirectory(path)) {
            throw new RigFailureException(endpoint + ": not a serial port (a " + (java.nio.file.Files.isDirectory(path)
                    ? "folder" : "regular file") + "; a serial port or pseudo-terminal is a character device)");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(endpoint.path());
        } catch (SerialPortInvalidPortException e) {
            throw new RigFailureException(endpoint + ": not a serial port (" + e.getMessage() + ")", e);
        }
        port.setComPortParameters(endpoint.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // non-blocking both ways: jSerialComm's blocking write also waits (tcdrain) until a real UART has
        // sent every byte, which would put the rig's send stamp a frame's length late
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new RigFailureException(endpoint + ": cannot open (error " + port.getLastErrorCode() + " at native line "
                    + port.getLastErrorLocation() + "; does the path exist and may this user open it?)");
        }
        PortDescriptor descriptor = PortDescriptor.find(endpoint.path());
        if (descriptor == null) {
            port.closePort();
            throw new RigFailureException(endpoint + ": cannot find the port's descriptor in /proc/self/fd, so a write"
                    + " could not wait for a full buffer without spinning (Linux only)");
        }
        SerialByteLink link = new SerialByteLink(endpoint, port, clock, receiver, descriptor);
        link.startReader();
        return link;
    }

    /**
     * Starts the link's reader thread and returns once it is waiting in the kernel for input, its priority
     * already set by {@link ByteReceiver#readerStarted()}: the first reply is stamped as promptly as any
     * other. (jSerialComm's data listener starts its event thread at ordinary priority and the receiver only
     * hears of it with the first bytes, so on a loaded machine a freshly opened port stamped its first reply
     * late by the new thread's first wait for a CPU: 8-18 ms at load 5, beyond the declared uncertainty, a
     * false fail of a board that answered in 0.3 ms.)
     */
    private void startReader() {
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        reader = new Thread(() -> readLoop(waiting), "hil-serial-reader " + endpoint.path());
        reader.setDaemon(true);
        reader.start();
        try {
            if (!waiting.await(READER_START_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                close();
                throw new RigFailureException(endpoint + ": the port's reader thread did not start within "
                        + READER_START_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new RigFailureException(endpoint + ": interrupted while the port's reader started", e);
        }
    }

    /**
     * The reader thread: waits in the kernel for input ({@value #POLL_SLICE_MILLIS} ms at a time, so a close
     * ends it soon), reads what is there, stamps it with the clock and hands it over; on a hang-up or a failed
     * read it loses the link once.
     */
    private void readLoop(java.util.concurrent.CountDownLatch waiting) {
        receiver.readerStarted();
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        boolean first = true;
        while (open.get()) {
            PortDescriptor.Input input;
            try {
                if (first) {
                    first = false;
                    waiting.countDown(); // about to wait in the kernel: the open may return
                }
                input = descriptor.awaitReadable(POLL_SLICE_MILLIS);
            } catch (IllegalStateException e) {
                lose(e.getMessage());
                return;
            }
            if (!open.get()) {
                return;
            }
            if (input == PortDescriptor.Input.GONE) {
                lose("port disconnected");
                return;
            }
            if (input == PortDescriptor.Input.NONE) {
                continue;
            }
            int read;
            try {
                read = descriptor.read(buffer);
            } catch (IllegalStateException e) {
                lose(e.getMessage());
                return;
            }
            long timeNanos = clock.nowNanos();
            if (read < 0) {
                lose("port disconnected");
                return;
            }
            if (read > 0) {
                receiver.received(java.util.Arrays.copyOf(buffer, read), timeNanos);
            }
        }
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Writes through the port's descriptor, waiting for room in the kernel; a write during which the port
     * takes no byte for the endpoint's write timeout loses the link (reported to the receiver on the calling
     * thread) and throws.
     */
    @Override
    public void write(byte[] bytes) {
        synchronized (writeLock) {
            int done = 0;
            long progressNanos = WALL.nowNanos();
            long backoffNanos = 0;
            while (done < bytes.length) {
                checkOpen();
                int n;
                try {
                    n = descriptor.write(bytes, done, bytes.length - done);
                } catch (IllegalStateException e) {
                    throw new RigFailureException(endpoint + ": " + e.getMessage() + " after " + done + " of "
                            + bytes.length + " bytes", e);
                }
                if (n > 0) {
                    done += n;
                    progressNanos = WALL.nowNanos();
                    backoffNanos = 0;
                    continue;
                }
                long left = endpoint.writeTimeoutNanos() - (WALL.nowNanos() - progressNanos);
                if (left <= 0) {
                    String why = "the far end took " + done + " of " + bytes.length + " bytes, then none for "
                            + Durations.format(endpoint.writeTimeoutNanos()) + " (write timeout): it stopped reading";
                    lose(why);
                    throw new RigFailureException(endpoint + ": link lost (" + why + ")");
                }
                PortDescriptor.Readiness room = descriptor.awaitWritable(
                        (int) Math.min(POLL_SLICE_MILLIS, Math.max(1, (left + 999_999) / 1_000_000)));
                if (room != PortDescriptor.Readiness.FULL) {
                    // said writable, yet the last write took nothing (a pseudo-terminal's room smaller than the
                    // kernel's next buffer), or hung up (the next write fails): wait a little longer each time
                    backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos == 0 ? MIN_BACKOFF_NANOS : 2 * backoffNanos);
                    LockSupport.parkNanos(this, Math.min(backoffNanos, left));
                }
            }
        }
    }

    private void checkOpen() {
        if (!open.get()) {
            throw new RigFailureException(endpoint + ": cannot write, the link is "
                    + (lostReason != null ? "lost (" + lostReason + ")" : "closed"));
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    /**
     * Closes the port once the reader thread has left its wait (at most one poll slice), so its descriptor is
     * never read after jSerialComm closed it; idempotent.
     */
    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            joinReader();
            synchronized (writeLock) {
                port.closePort();
            }
        }
    }

    private void joinReader() {
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(10L * POLL_SLICE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void lose(String reason) {
        if (open.compareAndSet(true, false)) {
            lostReason = reason;
            joinReader();
            synchronized (writeLock) {
                port.closePort();
            }
            receiver.lost(new RigFailureException(endpoint + ": link lost (" + reason + ")"));
        }
    }
}
