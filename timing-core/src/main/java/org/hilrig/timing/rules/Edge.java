package org.hilrig.timing.rules;

import java.util.Locale;
import org.hilrig.timing.trace.Level;

/**
 * A change between definite levels: {@code RISES} is {@code LOW -> HIGH}, {@code FALLS} is
 * {@code HIGH -> LOW}, whatever unknown ({@code X}) or floating ({@code Z}) values lie in between.
 */
public enum Edge {
    RISES, FALLS;

    /** The word rule files use: {@code rises} or {@code falls}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The edge that ends at {@code level}: {@code RISES} for {@code HIGH}, {@code FALLS} for {@code LOW}. */
    public static Edge to(Level level) {
        return switch (level) {
            case HIGH -> RISES;
            case LOW -> FALLS;
            default -> throw new IllegalArgumentException("no edge ends at " + level + "; edges end at HIGH or LOW");
        };
    }

    /** Parses {@code rises} or {@code falls}; null for anything else. */
    public static Edge ofWord(String word) {
        return switch (word) {
            case "rises" -> RISES;
            case "falls" -> FALLS;
            default -> null;
        };
    }
}
