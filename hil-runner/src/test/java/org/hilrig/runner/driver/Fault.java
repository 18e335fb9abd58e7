package org.hilrig.runner.driver;

import org.hilrig.device.protocol.KeyValues;

/** The closed set of things a {@link ScriptedBoard} can do wrong while answering one command. */
sealed interface Fault {
    /** Execute the command but send no reply (a resend then gets the remembered reply). */
    record DropReply() implements Fault {
    }

    /** Send the reply with its CRC off by one. */
    record CorruptCrc() implements Fault {
    }

    /** Send the reply this long late. */
    record Delay(long nanos) implements Fault {
    }

    /** Send the reply twice. */
    record Duplicate() implements Fault {
    }

    /** Send this event just before the reply. */
    record InterleaveEvent(String name, KeyValues values) implements Fault {
    }

    /** Let the event counter jump: the next event's counter is this many higher than it should be. */
    record SkipEventCounter(int skipped) implements Fault {
    }
}
