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
 * The host end of the board-under-test's serial cable, in virtual time. {@link #send} queues bytes that go
 * out at the board's baud rate (10 bit times each) and reach the board's UART when their stop bit ends;
 * bytes from the board reach every {@link #onReceive} listener the same way. Like a protocol analyser on
 * the cable, the link records every valid frame in both directions into the trace (link
 * {@code <board>.uart}, direction {@code rx} for host to board and {@code tx} for board to host, stamped at
 * the ETX). A cut cable ({@link #cut}) loses bytes both ways.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class HostLink {
    private static final int HOST_BUFFER_BYTES = 1 << 16;

    private final ByteShifter out;
    private final List<ByteSink> listeners = new ArrayList<>(2);
    private final String linkName;
    private final FrameDecoder rxRecorder;
    private final FrameDecoder txRecorder;
    private final Uart uart;
    private boolean cut;

    HostLink(Scheduler scheduler, Uart uart, int baud, String linkName, Trace trace) {
        this.uart = uart;
        this.linkName = linkName;
        this.rxRecorder = new FrameDecoder(recorder(trace, "rx"));
        this.txRecorder = new FrameDecoder(recorder(trace, "tx"));
        this.out = new ByteShifter(scheduler, linkName + ".host_tx", baud, HOST_BUFFER_BYTES, (t, b) -> {
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
     * Queues bytes for the board, after anything queued before; they leave at the baud rate.
     *
     * @throws IllegalStateException when the host's 64 KiB transmit buffer cannot take them
     */
    public void send(byte[] bytes) {
        if (!out.send(bytes)) {
            throw new IllegalStateException(linkName + ": host transmit buffer full (" + out.queued() + " bytes queued)");
        }
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
