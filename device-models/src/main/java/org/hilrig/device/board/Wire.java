package org.hilrig.device.board;

/**
 * One connection of the wiring: the signal at path {@code from} drives the signal at path {@code to},
 * each edge arriving {@code delayNanos} later (0 or more: cable, opto-coupler, level shifter).
 */
public record Wire(String from, String to, long delayNanos) {
    public Wire {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("wire " + from + " -> " + to + ": delay " + delayNanos + " ns is negative");
        }
    }
}
