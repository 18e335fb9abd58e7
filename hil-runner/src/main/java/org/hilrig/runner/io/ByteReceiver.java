package org.hilrig.runner.io;

import org.hilrig.timing.RigFailureException;

/**
 * Receives what a {@link ByteLink} reads, on the link's reader thread. Implementations decode and hand
 * over (for example into a queue) and return quickly; they never write to the link or block.
 */
public interface ByteReceiver {
    /**
     * Bytes arrived, in order, stamped with the link's clock when the read returned (so at or after
     * their actual arrival). The array is the receiver's to keep.
     */
    void received(byte[] bytes, long timeNanos);

    /**
     * Called on the link's reader thread before the first bytes it delivers (again for each new connection
     * of a TCP cable server): where a receiver sets that thread up (its {@linkplain RealtimePriority
     * scheduling priority}, for one). Does nothing by default.
     */
    default void readerStarted() {
    }

    /**
     * The link was lost (cable pulled, peer gone, I/O error, or a far end that stopped reading: a write not
     * taken within the write timeout); called at most once, and last. Called on the link's reader thread, or
     * for a stalled write on the writing thread, before its write throws.
     */
    void lost(RigFailureException cause);
}
