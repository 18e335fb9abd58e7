package org.hilrig.device.mcu;

/**
 * The board's UART, 8N1, as the reference manual lays it out:
 *
 * <pre>
 *  RX line --(byte, stop-bit time)--> [ RX FIFO, rxFifoBytes deep ] --read()--> main loop
 *                                        full: byte dropped, OVERRUN counted
 *  main loop --writeReply(frame)--> [ reply queue ] --\
 *                                                      +--> one frame at a time --10 bit times a byte--> TX line
 *  main loop --write(frame)------> [ event queue ] --/      (replies first, then events)
 * </pre>
 *
 * The main loop empties the FIFO once a tick; when it is blocked, bytes arriving beyond the FIFO's depth
 * are lost (overrun), as on a real part without DMA. The transmit side keeps whole frames in two queues
 * sharing one buffer of {@code txBufferBytes}; when a frame has left, the next reply goes before any queued
 * event, so a reply waits at most for the frame already on the wire. Every byte keeps the time its stop bit ended, so a
 * decoder can apply the inter-byte timeout on line time, not on when the loop happened to read it.
 * Both directions are emptied by any reset.
 */
public final class Uart implements Mcu.Peripheral {
    private final Mcu mcu;
    private final ByteShifter tx;
    private final java.util.ArrayDeque<byte[]> replies = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<byte[]> events = new java.util.ArrayDeque<>();
    private final int txBufferBytes;
    private int txQueuedBytes;
    private final byte[] fifo;
    private final long[] fifoTimes;
    private int head;
    private int count;
    private long lastReadNanos;
    private long overruns;
    private long received;

    /**
     * @param baud bit rate of both directions
     * @param rxFifoBytes depth of the receive FIFO, above 0
     * @param txBufferBytes size of the firmware's transmit buffer, above 0
     */
    public Uart(Mcu mcu, int baud, int rxFifoBytes, int txBufferBytes) {
        if (rxFifoBytes <= 0) {
            throw new IllegalArgumentException("uart rx fifo " + rxFifoBytes + " bytes must be above 0");
        }
        this.mcu = mcu;
        this.fifo = new byte[rxFifoBytes];
        this.fifoTimes = new long[rxFifoBytes];
        this.txBufferBytes = txBufferBytes;
        this.tx = new ByteShifter(mcu.scheduler(), mcu.name() + ".uart.tx", baud, txBufferBytes, null);
        this.tx.onIdle(this::nextFrame);
        mcu.attach(this);
    }

    /** Where transmitted bytes go (the other end of the cable). */
    public void connectTx(ByteSink sink) {
        tx.connect(sink);
    }

    /** The RX pin: a byte whose stop bit ended at {@code timeNanos}. Dropped while the core is not running. */
    public void rxByte(long timeNanos, byte b) {
        if (!mcu.isRunning()) {
            return;
        }
        received++;
        if (count == fifo.length) {
            overruns++;
            return;
        }
        int i = (head + count) % fifo.length;
        fifo[i] = b;
        fifoTimes[i] = timeNanos;
        count++;
    }

    /** Next byte from the FIFO (0..255), or -1 when empty. */
    public int read() {
        if (count == 0) {
            return -1;
        }
        int b = fifo[head] & 0xFF;
        lastReadNanos = fifoTimes[head];
        head = (head + 1) % fifo.length;
        count--;
        return b;
    }

    /** Line time of the byte last returned by {@link #read()}. */
    public long lastReadTimeNanos() {
        return lastReadNanos;
    }

    public int rxAvailable() {
        return count;
    }

    /** Bytes lost because the FIFO was full, since construction. */
    public long overruns() {
        return overruns;
    }

    /** Bytes that reached the FIFO or overran it, since construction. */
    public long received() {
        return received;
    }

    /** Queues a whole frame (an event) for transmission; false (and nothing queued) when the buffer is full. */
    public boolean write(byte[] bytes) {
        return enqueue(events, bytes);
    }

    /** Queues a whole reply frame, to go before any queued event; false when the buffer is full. */
    public boolean writeReply(byte[] bytes) {
        return enqueue(replies, bytes);
    }

    private boolean enqueue(java.util.ArrayDeque<byte[]> q, byte[] bytes) {
        if (!mcu.isRunning() || txQueuedBytes + bytes.length > txBufferBytes) {
            return false;
        }
        q.addLast(bytes.clone());
        txQueuedBytes += bytes.length;
        if (tx.queued() == 0) {
            nextFrame();
        }
        return true;
    }

    private void nextFrame() {
        byte[] next = !replies.isEmpty() ? replies.pollFirst() : events.pollFirst();
        if (next != null) {
            txQueuedBytes -= next.length;
            tx.send(next);
        }
    }

    public long byteNanos() {
        return tx.byteNanos();
    }

    @Override
    public void reset() {
        count = 0;
        head = 0;
        replies.clear();
        events.clear();
        txQueuedBytes = 0;
        tx.clear();
    }
}
