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

    /** The link went down: lost, or declared down after unanswered resends. Called at most once. */
    default void linkDown(RigFailureException cause) {
    }
}
