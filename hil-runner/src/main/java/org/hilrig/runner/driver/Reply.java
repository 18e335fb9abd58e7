package org.hilrig.runner.driver;

import java.util.Optional;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.NakCode;
import org.hilrig.device.protocol.ReceivedFrame;

/**
 * The board's answer to one command: {@link Ack} or {@link Nak}. A refusal is a result, not an error.
 * Times are on the driver's clock: {@code sentNanos} is the start of the first write of the command,
 * the reply's {@code endNanos} the arrival of its ETX.
 */
public sealed interface Reply permits Reply.Ack, Reply.Nak {
    /** The command as sent. */
    Frame command();

    /** The reply as received. */
    ReceivedFrame reply();

    /** How many times the command was sent before this reply came: 1 when no resend was needed. */
    int attempts();

    /** When the command was first written. */
    long sentNanos();

    /** From the first write of the command to the ETX of its reply. */
    default long roundTripNanos() {
        return reply().endNanos() - sentNanos();
    }

    /** {@code seq,ACK,CMD[,key=value...]}. */
    record Ack(Frame command, ReceivedFrame reply, int attempts, long sentNanos) implements Reply {
        /**
         * The reply's {@code key=value} fields.
         *
         * @throws IllegalArgumentException if the board sent a field that is not {@code key=value}
         */
        public KeyValues values() {
            return reply.frame().values();
        }
    }

    /** {@code seq,NAK,CMD,code}. */
    record Nak(Frame command, ReceivedFrame reply, int attempts, long sentNanos) implements Reply {
        /** The code as sent, e.g. {@code "04"}. */
        public String codeText() {
            return reply.frame().nakCodeText();
        }

        /** The code, or empty for a code protocol version 1 does not define. */
        public Optional<NakCode> code() {
            return NakCode.fromCode(codeText());
        }
    }
}
