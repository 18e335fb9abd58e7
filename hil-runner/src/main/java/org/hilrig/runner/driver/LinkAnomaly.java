package org.hilrig.runner.driver;

import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.ReceivedFrame;

/**
 * Something on the link that is not a clean exchange; reported to the {@link DriverListener} and
 * counted, never thrown. A verdict engine marks results inconclusive when, for example, events were lost.
 */
public sealed interface LinkAnomaly {
    /** The board's event counter skipped: {@code lost} events never arrived. */
    record EventGap(int expectedCounter, int receivedCounter, int lost, ReceivedFrame event) implements LinkAnomaly {
    }

    /** An event with the same counter as the one before it; not delivered again. */
    record DuplicateEvent(ReceivedFrame event) implements LinkAnomaly {
    }

    /** A reply that answers no waiting command: late, duplicated, or for an earlier sequence number. */
    record StaleReply(ReceivedFrame reply) implements LinkAnomaly {
    }

    /** A valid frame a board never sends: a command, or a reply for the wrong command. */
    record UnexpectedFrame(ReceivedFrame frame) implements LinkAnomaly {
    }

    /** Input the receiver rules threw away: CRC error, overlong, gap, garbage. */
    record Discarded(DiscardedInput input) implements LinkAnomaly {
    }

    /** The driver sent a command again after a time-out ({@code attempt} is 2 for the first resend). */
    record Resent(Frame command, int attempt) implements LinkAnomaly {
    }
}
