package org.hilrig.timing.verdict;

import java.util.Locale;

/** The outcome of a check, a measurement or a scenario. */
public enum Verdict {
    PASS, FAIL, INCONCLUSIVE, ERROR;

    /** The lowercase word used in results.json and on the console. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two verdicts: error, then fail, then inconclusive, then pass. */
    public Verdict worst(Verdict other) {
        return rank(this) >= rank(other) ? this : other;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case PASS -> 0;
            case INCONCLUSIVE -> 1;
            case FAIL -> 2;
            case ERROR -> 3;
        };
    }
}
