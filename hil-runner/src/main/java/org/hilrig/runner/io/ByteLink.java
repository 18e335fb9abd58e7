package org.hilrig.runner.io;

/**
 * One cable to a board: raw bytes out, raw bytes in. Received bytes and the loss of the link are
 * reported to the {@link ByteReceiver} the link was opened with, on the link's own reader thread.
 *
 * <p>{@link #write} and {@link #close} may be called from any thread except the link's reader thread
 * (that is, never from inside a {@link ByteReceiver} callback); writes are serialised. The one who opened
 * a link closes it; closing a serial port can take about half a second while jSerialComm's event thread
 * finishes its poll.
 */
public interface ByteLink extends AutoCloseable {
    /** For messages: what the link is connected to, e.g. {@code serial /dev/pts/3 at 115200 baud}. */
    String describe();

    /**
     * Sends {@code bytes} in order, returning once they are handed to the operating system. Every write has a
     * deadline, the endpoint's write timeout: a far end that stops reading fills the buffers between, and a
     * write not taken whole by then loses the link (reported once, as for a pulled cable) and throws. Waiting
     * for room blocks; it never spins.
     *
     * @throws org.hilrig.timing.RigFailureException if the link is closed, lost (also by this write's
     *     timeout), or the write fails
     */
    void write(byte[] bytes);

    /** Whether the link is open: neither closed by its owner nor lost. */
    boolean isOpen();

    /** Closes the link; idempotent. No {@link ByteReceiver#lost} is reported for a close. */
    @Override
    void close();
}
