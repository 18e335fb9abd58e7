package org.hilrig.runner.io;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;

/**
 * A {@link ByteLink} over a serial port through jSerialComm: opened by path, 8N1, no flow control.
 *
 * <p>Reading runs on jSerialComm's event thread: on "data available" it reads what is there, stamps it
 * with the clock and hands it to the receiver; on the first "port disconnected" it closes the port and
 * reports the loss once. Writes return once the driver has every byte (at most {@link
 * #WRITE_TIMEOUT_MILLIS}), not when the UART has sent them: a frame's bytes then leave at the line's rate.
 */
public final class SerialByteLink implements ByteLink {
    /** A write that the port does not take within this long fails the link. */
    public static final int WRITE_TIMEOUT_MILLIS = 1_000;

    private final SerialEndpoint endpoint;
    private final SerialPort port;
    private final Clock clock;
    private final ByteReceiver receiver;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Object writeLock = new Object();
    private volatile String lostReason;

    private SerialByteLink(SerialEndpoint endpoint, SerialPort port, Clock clock, ByteReceiver receiver) {
        this.endpoint = endpoint;
        this.port = port;
        this.clock = clock;
        this.receiver = receiver;
    }

    /**
     * Opens {@code endpoint} and starts delivering received bytes to {@code receiver}.
     *
     * @throws RigFailureException if nothing is at the path, the path is not a serial port, or it cannot be
     *     opened and configured
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
        SerialByteLink link = new SerialByteLink(endpoint, port, clock, receiver);
        if (!port.addDataListener(link.new Listener())) {
            port.closePort();
            throw new RigFailureException(endpoint + ": cannot listen for received data (error "
                    + port.getLastErrorCode() + ")");
        }
        return link;
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }

    @Override
    public void write(byte[] bytes) {
        synchronized (writeLock) {
            if (!open.get()) {
                throw new RigFailureException(endpoint + ": cannot write, the link is "
                        + (lostReason != null ? "lost (" + lostReason + ")" : "closed"));
            }
            int done = 0;
            long deadline = clock.nowNanos() + WRITE_TIMEOUT_MILLIS * 1_000_000L;
            while (done < bytes.length) {
                // jSerialComm's native write waits out a full buffer itself (the descriptor is non-blocking, it
                // retries on EAGAIN) and returns what it wrote, or -1; 0 comes only from a port closed under
                // the write, as its own shutdown hook closes every port when the JVM ends
                int n = port.writeBytes(bytes, bytes.length - done, done);
                if (n <= 0) {
                    throw new RigFailureException(endpoint + ": " + (n == 0 ? "the port was closed" : "write failed (error "
                            + port.getLastErrorCode() + ")") + " after " + done + " of " + bytes.length + " bytes");
                }
                done += n;
                if (done < bytes.length && clock.nowNanos() - deadline > 0) {
                    throw new RigFailureException(endpoint + ": the port took " + done + " of " + bytes.length
                            + " bytes in " + WRITE_TIMEOUT_MILLIS + " ms");
                }
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            port.closePort();
        }
    }

    private void lose(String reason) {
        if (open.compareAndSet(true, false)) {
            lostReason = reason;
            port.closePort();
            receiver.lost(new RigFailureException(endpoint + ": link lost (" + reason + ")"));
        }
    }

    /** Runs on jSerialComm's event thread: read, stamp, hand over. */
    private final class Listener implements SerialPortDataListener {
        private boolean started;

        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_DATA_AVAILABLE | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            if (!open.get()) {
                return;
            }
            if (!started) {
                started = true;
                receiver.readerStarted();
            }
            if ((event.getEventType() & SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) != 0) {
                lose("port disconnected");
                return;
            }
            int available = port.bytesAvailable();
            while (available > 0 && open.get()) {
                byte[] bytes = new byte[available];
                int read = port.readBytes(bytes, available);
                long timeNanos = clock.nowNanos();
                if (read < 0) {
                    lose("read failed with error " + port.getLastErrorCode());
                    return;
                }
                if (read > 0) {
                    receiver.received(read == available ? bytes : java.util.Arrays.copyOf(bytes, read), timeNanos);
                }
                available = port.bytesAvailable();
            }
            if (available < 0) {
                lose("port no longer readable (error " + port.getLastErrorCode() + ")");
            }
        }
    }
}
