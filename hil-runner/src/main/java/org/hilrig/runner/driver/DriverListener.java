package org.hilrig.runner.driver;

import org.hilrig.timing.RigFailureException;

/**
 * Receives what the board says unprompted, on the driver's dispatcher thread (never the link's reader
 * thread, never a {@code send} caller), in arrival order. Implementations should not block for long:
 * replies wait behind them. An exception thrown here goes to the thread's uncaught-exception handler and
 * the dispatcher carries on.
 */
public interface DriverListener {
    /** A listener that ignores everything. */
    DriverListener NONE = event -> {
    };

    /** An event arrived (after gap detection; duplicates are not delivered). */
    void event(BoardEvent event);

    /** Something irregular happened on the link. */
    default void anomaly(LinkAnomaly anomaly) {
    }

    /**
     * A frame was written to the board ({@code attempt} 1 for the first send, 2 and up for resends),
     * stamped just before the write; for the serial transcript. Delivered in order with received frames.
     */
    default void frameSent(byte[] bytes, int attempt, long timeNanos) {
    }

    /** A valid frame arrived from the board (reply, event or stray); for the serial transcript. */
    default void frameReceived(org.hilrig.device.protocol.ReceivedFrame frame) {
    }

    /** The link went down: lost, or declared down after unanswered resends. Called at most once. */
    default void linkDown(RigFailureException cause) {
    }
}
