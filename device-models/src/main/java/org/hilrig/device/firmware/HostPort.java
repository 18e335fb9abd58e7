package org.hilrig.device.firmware;

import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.mcu.McuTimer;
import org.hilrig.device.mcu.Uart;
import org.hilrig.device.protocol.Crc16Ccitt;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardReason;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ReceivedFrame;

/**
 * The firmware's end of the host link, common to both boards: drains the UART FIFO once a main-loop pass
 * into the shared {@link FrameDecoder} (line time per byte, so the 10 ms inter-byte rule is applied on the
 * wire's clock), answers each valid command with exactly one reply, re-sends the previous reply for a
 * duplicate (same seq, same bytes) without executing it again, numbers events from 00 after boot, and runs
 * the host-communication watchdog that any valid frame feeds. What a command does is the board's
 * {@link CommandHandler}; the commands every board shares are {@link CommonCommands}.
 *
 * <p>A full transmit buffer: every valid command is executed all the same (an abort is never refused); a
 * reply that does not fit is not sent and is counted ({@code txdrop}), and the host's retry of the same
 * frame gets the stored reply once there is room, as for a reply lost on the line. An event that does not
 * fit is counted ({@code evdrop}) and leaves a gap in the event counter.
 *
 * <p>With {@link Defect#CRC_NOT_CHECKED} a frame discarded for its CRC is executed anyway, as firmware that
 * skips the check would (its CRC is still counted in {@code crcerr}).
 *
 * <p>Confined to the scheduler's thread; rebuilt state on every {@link #boot()}.
 */
public final class HostPort implements DecodeListener {
    /** What the board does with a command: returns the one reply to send. */
    public interface CommandHandler {
        Frame execute(Frame command);

        /** The host-communication watchdog expired. */
        void hostWatchdogExpired();
    }

    private final Uart uart;
    private final CommandHandler handler;
    private final boolean crcNotChecked;
    private final McuTimer hostWatchdog;
    private FrameDecoder decoder;
    private byte[] lastCommand;
    private byte[] lastReply;
    private int eventCounter;
    private long watchdogNanos;
    private long eventsDropped;
    private long repliesDropped;
    private SerialCounters atBoot;

    public HostPort(Mcu mcu, Uart uart, CommandHandler handler, boolean crcNotChecked) {
        this.uart = uart;
        this.handler = handler;
        this.crcNotChecked = crcNotChecked;
        this.hostWatchdog = new McuTimer(mcu, "host_wdg", handler::hostWatchdogExpired);
        boot();
    }

    /** Back to the state after reset: empty decoder, event counter 00, watchdog off. */
    public void boot() {
        decoder = new FrameDecoder(this);
        lastCommand = null;
        lastReply = null;
        eventCounter = 0;
        watchdogNanos = 0;
        hostWatchdog.stop();
        atBoot = counters();
    }

    /** Drains the receive FIFO; called once per main-loop pass. */
    public void poll() {
        int b;
        while ((b = uart.read()) >= 0) {
            decoder.accept((byte) b, uart.lastReadTimeNanos());
        }
    }

    /** Frames with a wrong CRC since boot. */
    public long crcErrors() {
        return decoder.crcErrorCount();
    }

    /** The port's counters since construction (a reset does not clear them; {@code LNK} reports them since boot). */
    public SerialCounters counters() {
        return new SerialCounters(uart.received(), uart.overruns(), repliesDropped, eventsDropped);
    }

    /** Sends an event with the next counter value; the counter advances even when the frame is dropped. */
    public void event(Event event, KeyValues values) {
        Frame f = Frame.event(eventCounter, event.name(), values);
        eventCounter = (eventCounter + 1) & 0xFF;
        if (!uart.write(f.encode())) {
            eventsDropped++;
        }
    }

    /** Sets the host watchdog period, 0 for off, and restarts it. */
    public void setWatchdog(long periodNanos) {
        watchdogNanos = periodNanos;
        if (periodNanos > 0) {
            hostWatchdog.startOneShot(periodNanos);
        } else {
            hostWatchdog.stop();
        }
    }

    public long watchdogNanos() {
        return watchdogNanos;
    }

    /** The port's counters since the last boot (what {@code LNK} reports). */
    public SerialCounters countersSinceBoot() {
        return counters().since(atBoot);
    }

    @Override
    public void frame(ReceivedFrame received) {
        execute(received.frame(), received.bytes());
    }

    @Override
    public void discarded(DiscardedInput d) {
        if (crcNotChecked && d.reason() == DiscardReason.CRC_ERROR) {
            byte[] bytes = d.bytes();
            int crcAt = bytes.length - 5;
            String fixed = String.format("%04X", Crc16Ccitt.of(bytes, 1, crcAt - 1));
            for (int i = 0; i < 4; i++) {
                bytes[crcAt + i] = (byte) fixed.charAt(i);
            }
            FrameDecoder scratch = new FrameDecoder(new DecodeListener() {
                @Override
                public void frame(ReceivedFrame f) {
                    execute(f.frame(), d.bytes());
                }

                @Override
                public void discarded(DiscardedInput ignored) {
                }
            });
            scratch.accept(bytes, 0, bytes.length, d.endNanos());
        }
    }

    private void execute(Frame frame, byte[] bytes) {
        if (watchdogNanos > 0) {
            hostWatchdog.startOneShot(watchdogNanos); // any valid frame feeds it
        }
        if (frame.kind() != org.hilrig.device.protocol.FrameKind.COMMAND) {
            return; // a board ignores replies and events echoed at it
        }
        if (lastCommand != null && java.util.Arrays.equals(lastCommand, bytes)) {
            reply(lastReply);
            return;
        }
        Frame reply = handler.execute(frame);
        lastCommand = bytes;
        lastReply = reply.encode();
        reply(lastReply);
    }

    private void reply(byte[] encoded) {
        if (!uart.writeReply(encoded)) {
            repliesDropped++;
        }
    }
}
