package org.hilrig.device.mcu;

import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;

/**
 * The transmit side of an 8N1 serial line: bytes queued in a bounded buffer are shifted out one after
 * another, 10 bit times each (start, 8 data, stop), and handed to the sink when their stop bit ends. Used
 * by the board's UART and by the host end of the link, so both pace bytes the same way. The buffer is
 * allocated as it fills (up to its capacity), so a large capacity costs memory only while it is used.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class ByteShifter {
    private static final int INITIAL_BYTES = 256;
    private final Scheduler scheduler;
    private final Timer shift;
    private final int capacity;
    private byte[] buffer;
    private final long byteNanos;
    private ByteSink sink;
    private Runnable idleListener;
    private int head;
    private int count;

    /**
     * @param baud bit rate, above 0
     * @param capacityBytes size of the transmit buffer, above 0
     */
    public ByteShifter(Scheduler scheduler, String name, int baud, int capacityBytes, ByteSink sink) {
        if (baud <= 0 || capacityBytes <= 0) {
            throw new IllegalArgumentException(name + ": baud " + baud + " and capacity " + capacityBytes + " must be above 0");
        }
        this.scheduler = scheduler;
        this.capacity = capacityBytes;
        this.buffer = new byte[Math.min(capacityBytes, INITIAL_BYTES)];
        this.byteNanos = byteNanos(baud);
        this.sink = sink;
        this.shift = scheduler.timer(name, this::byteDone);
    }

    /** Time on the wire of one 8N1 byte at this baud rate, in nanoseconds (rounded). */
    public static long byteNanos(int baud) {
        return Math.round(10e9 / baud);
    }

    public long byteNanos() {
        return byteNanos;
    }

    public void connect(ByteSink newSink) {
        this.sink = newSink;
    }

    /** Called when the last queued byte has left (after it reached the sink). */
    public void onIdle(Runnable listener) {
        this.idleListener = listener;
    }

    /** Bytes queued and not yet fully sent (including the one on the wire). */
    public int queued() {
        return count;
    }

    public int free() {
        return capacity - count;
    }

    /**
     * Queues all of {@code bytes}, or none when they do not fit.
     *
     * @return false when the buffer had no room for the whole array
     */
    public boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    public boolean send(byte[] bytes, int offset, int length) {
        if (length > free()) {
            return false;
        }
        if (count + length > buffer.length) {
            grow(count + length);
        }
        for (int i = 0; i < length; i++) {
            buffer[(head + count) % buffer.length] = bytes[offset + i];
            count++;
        }
        if (!shift.isPending() && count > 0) {
            shift.after(byteNanos);
        }
        return true;
    }

    private void grow(int needed) {
        int size = (int) Math.min(capacity, Math.max(needed, 2L * buffer.length));
        byte[] bigger = new byte[size];
        for (int i = 0; i < count; i++) {
            bigger[i] = buffer[(head + i) % buffer.length];
        }
        buffer = bigger;
        head = 0;
    }

    /** Drops everything queued; a byte half on the wire is lost too. */
    public void clear() {
        count = 0;
        shift.cancel();
    }

    private void byteDone() {
        byte b = buffer[head];
        head = (head + 1) % buffer.length;
        count--;
        if (sink != null) {
            sink.receive(scheduler.nowNanos(), b);
        }
        if (count == 0 && idleListener != null) {
            idleListener.run();
        }
        // re-armed last: a send from the sink or the idle listener runs while this timer is still pending
        // (its own action), so it could not arm it
        if (count > 0) {
            shift.after(byteNanos);
        }
    }
}
