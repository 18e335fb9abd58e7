package org.hilrig.timing.rules;

import org.hilrig.timing.verdict.Verdict;

/**
 * How many of a rule's occurrences (or listed-worthy overlaps) had each verdict, counted over the whole
 * trace whether or not they are listed.
 */
public record Tally(long pass, long inconclusive, long fail) {
    public static final Tally NONE = new Tally(0, 0, 0);

    public Tally {
        if (pass < 0 || inconclusive < 0 || fail < 0) {
            throw new IllegalArgumentException("counts are 0 or more, found " + pass + ", " + inconclusive
                    + " and " + fail);
        }
    }

    public long total() {
        return pass + inconclusive + fail;
    }

    /** How many had {@code verdict} (none is ever {@code ERROR}). */
    public long count(Verdict verdict) {
        return switch (verdict) {
            case PASS -> pass;
            case INCONCLUSIVE -> inconclusive;
            case FAIL -> fail;
            case ERROR -> 0;
        };
    }

    /** The worst verdict counted: {@code FAIL} when any failed, else {@code INCONCLUSIVE} when any was, else {@code PASS}. */
    public Verdict verdict() {
        return fail > 0 ? Verdict.FAIL : inconclusive > 0 ? Verdict.INCONCLUSIVE : Verdict.PASS;
    }

    /** This tally with {@code count} more of {@code verdict}. */
    public Tally plus(Verdict verdict, long count) {
        return switch (verdict) {
            case PASS -> new Tally(pass + count, inconclusive, fail);
            case INCONCLUSIVE -> new Tally(pass, inconclusive + count, fail);
            case FAIL -> new Tally(pass, inconclusive, fail + count);
            case ERROR -> throw new IllegalArgumentException("a rule's occurrence is never 'error'");
        };
    }
}
