package org.hilrig.device.sim;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.device.mcu.ByteShifter;
import org.hilrig.device.mcu.ByteSink;
import org.hilrig.device.mcu.Uart;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.trace.Trace;

/**
 * The host end of the board-under-test's serial cable, in virtual time. Bytes the host sends go out at the
 * board's baud rate (10 bit times each) and reach the board's UART when their stop bit ends; bytes from the
 * board reach every {@link #onReceive} listener the same way. Like a protocol analyser on the cable, the
 * link records every valid frame in both directions into the trace (link {@code <board>.uart}, direction
 * {@code rx} for host to board and {@code tx} for board to host, stamped at the ETX). A cut cable ({@link
 * #cut}) loses bytes both ways.
 *
 * <p>Two kinds of host, neither of which can make the link throw:
 * <ul>
 *   <li>{@link #send}: a host whose write waits until the line has taken its bytes, as a real serial port's
 *       write does (the rig on virtual time). Every byte is queued and goes out back to back at the baud
 *       rate; nothing is lost, however much is sent.
 *   <li>{@link #offer}: a host that cannot be made to wait (one on the far side of a pseudo-terminal or a
 *       TCP connection, which has no baud rate). What it sends while {@link #HOST_BUFFER_BYTES} are still
 *       waiting for the line is lost before it reaches the cable and counted ({@link #lostBytes}); the
 *       board never sees bytes faster than its baud rate.
 * </ul>
 * Whatever reaches the board's UART faster than its main loop empties the receive FIFO overruns there,
 * as on a real part ({@link Uart#overruns}).
 *
 * <p>Confined to the scheduler's thread.
 */
public final class HostLink {
    /** What a host that cannot wait may have queued for the line before more of its bytes are lost: 64 KiB. */
    public static final int HOST_BUFFER_BYTES = 1 << 16;

    private final ByteShifter out;
    private final List<ByteSink> listeners = new ArrayList<>(2);
    private final String linkName;
    private final FrameDecoder rxRecorder;
    private final FrameDecoder txRecorder;
    private final Uart uart;
    private boolean cut;
    private long lostBytes;

    HostLink(Scheduler scheduler, Uart uart, int baud, String linkName, Trace trace) {
        this.uart = uart;
        this.linkName = linkName;
        this.rxRecorder = new FrameDecoder(recorder(trace, "rx"));
        this.txRecorder = new FrameDecoder(recorder(trace, "tx"));
        this.out = new ByteShifter(scheduler, linkName + ".host_tx", baud, Integer.MAX_VALUE, (t, b) -> {
            if (!cut) {
                rxRecorder.accept(b, t);
                uart.rxByte(t, b);
            }
        });
        uart.connectTx((t, b) -> {
            if (cut) {
                return;
            }
            txRecorder.accept(b, t);
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).receive(t, b);
            }
        });
    }

    private DecodeListener recorder(Trace trace, String direction) {
        return new DecodeListener() {
            @Override
            public void frame(ReceivedFrame f) {
                trace.frame(f.endNanos(), linkName, direction, f.bytes());
            }

            @Override
            public void discarded(DiscardedInput d) {
            }
        };
    }

    /**
     * Queues all of {@code bytes} for the board, after anything queued before; they leave at the baud rate.
     * Never refuses and never loses a byte: the host waits for the line, as a blocking write on a real port.
     */
    public void send(byte[] bytes) {
        out.send(bytes);
    }

    /**
     * Queues as much of {@code bytes} as fits below {@link #HOST_BUFFER_BYTES} waiting for the line, in
     * order, and loses the rest (counted in {@link #lostBytes}): a host that sends faster than the baud rate
     * and cannot be made to wait. Never throws.
     *
     * @return how many bytes were queued, from the start of {@code bytes}
     */
    public int offer(byte[] bytes) {
        int taken = Math.max(0, Math.min(bytes.length, HOST_BUFFER_BYTES - out.queued()));
        out.send(bytes, 0, taken);
        lostBytes += bytes.length - taken;
        return taken;
    }

    /** Bytes {@link #offer} lost because the host sent faster than the line took them, since construction. */
    public long lostBytes() {
        return lostBytes;
    }

    /** Bytes the host has queued and not yet put on the wire (0 when idle). */
    public int queued() {
        return out.queued();
    }

    /** Adds a listener for bytes from the board, each with the time its stop bit ended. */
    public void onReceive(ByteSink listener) {
        listeners.add(listener);
    }

    public void removeListener(ByteSink listener) {
        listeners.remove(listener);
    }

    /** Time of one byte on this cable, in nanoseconds. */
    public long byteNanos() {
        return out.byteNanos();
    }

    /** The trace's name for this link, e.g. {@code gen.uart}. */
    public String name() {
        return linkName;
    }

    /** Cuts (true) or mends (false) the cable. */
    public void cut(boolean isCut) {
        this.cut = isCut;
    }

    public boolean isCut() {
        return cut;
    }

    /** Puts a raw byte on the board's receive line at time {@code t} (noise, flood), unless the cable is cut. */
    void noiseAt(long t, byte b) {
        if (!cut) {
            uart.rxByte(t, b);
        }
    }
}
