package org.hilrig.scenarios.api;

import org.hilrig.timing.rules.Edge;

/**
 * The edge a timing assertion measures from: every such edge of the line in the trace.
 *
 * @param line the line's name ({@code DOOR_CLOSED}) or trace path
 */
public record Trigger(String line, Edge edge) {
    /** Every falling edge of the line (active to inactive). */
    public static Trigger afterFalling(String line) {
        return new Trigger(line, Edge.FALLS);
    }

    /** Every rising edge of the line (inactive to active). */
    public static Trigger afterRising(String line) {
        return new Trigger(line, Edge.RISES);
    }

    @Override
    public String toString() {
        return line + (edge == Edge.FALLS ? " falls" : " rises");
    }
}
