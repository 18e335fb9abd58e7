package org.hilrig.timing.trace;

/**
 * A digital value as a trace records it. {@code HIGH} is the logical active state of a rig signal; VCD
 * files also carry {@code X} (unknown) and {@code Z} (high impedance).
 */
public enum Level {
    LOW('0'), HIGH('1'), X('x'), Z('z');

    private final char vcd;

    Level(char vcd) {
        this.vcd = vcd;
    }

    public static Level of(boolean high) {
        return high ? HIGH : LOW;
    }

    /** The VCD character for this level. */
    public char vcdChar() {
        return vcd;
    }

    /** Parses a VCD scalar value character ({@code 0 1 x X z Z}); returns null for anything else. */
    public static Level ofVcd(char c) {
        return switch (c) {
            case '0' -> LOW;
            case '1' -> HIGH;
            case 'x', 'X' -> X;
            case 'z', 'Z' -> Z;
            default -> null;
        };
    }
}
