package org.hilrig.timing.rules;

/**
 * How many of a rule's occurrences (or a {@code never} rule's violations) its result lists. Counts,
 * verdicts, the worst latency and the longest overlap always cover every one; only the list is bounded.
 *
 * <p>{@link #ALL} lists every one, so a result's memory grows with the trace (about 17 bytes an
 * occurrence, one object a violation). {@link #firstAndWorst(int)} lists at most the first {@code n} and
 * the worst {@code n}, so a rule holds at most {@code 2n} of them whatever the trace's length.
 *
 * @param firstAndWorst how many of the first and of the worst are listed; {@code Integer.MAX_VALUE} for all
 */
public record Listing(int firstAndWorst) {
    /** Every occurrence and violation is listed. */
    public static final Listing ALL = new Listing(Integer.MAX_VALUE);

    public Listing {
        if (firstAndWorst < 0) {
            throw new IllegalArgumentException("a listing limit is 0 or more, found " + firstAndWorst);
        }
    }

    /** At most the first {@code n} and the worst {@code n} are listed ({@code 0}: counts only). */
    public static Listing firstAndWorst(int n) {
        return new Listing(n);
    }

    public boolean all() {
        return firstAndWorst == Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return all() ? "all" : "first " + firstAndWorst + " and worst " + firstAndWorst;
    }
}
