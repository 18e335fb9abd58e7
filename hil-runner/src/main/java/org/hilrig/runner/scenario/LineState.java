package org.hilrig.runner.scenario;

import java.util.Locale;

/** The logical state of a hardware line as scenarios speak of it; fixtures own the electrical level. */
public enum LineState {
    ACTIVE, INACTIVE;

    public boolean isActive() {
        return this == ACTIVE;
    }

    public static LineState of(boolean active) {
        return active ? ACTIVE : INACTIVE;
    }

    /** The word scenarios use: {@code active} or {@code inactive}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code active} or {@code inactive}; null for anything else. */
    static LineState parse(String word) {
        return switch (word) {
            case "active" -> ACTIVE;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }
}
