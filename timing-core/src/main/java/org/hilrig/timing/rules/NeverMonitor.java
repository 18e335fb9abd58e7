package org.hilrig.timing.rules;

import java.util.Locale;
import org.hilrig.timing.Durations;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Checks a {@link NeverWhile}. It follows two runs of time stamps: the <em>certain</em> run, while both
 * states surely hold, which makes an {@link Overlap} judged against the tolerance; and the
 * <em>possible</em> run around it, while neither state is surely false (a signal that is X, Z or has no
 * value yet may be at the wanted level). A possible run that took in unknown levels and would have
 * violated the rule had they been the wanted ones becomes one {@code INCONCLUSIVE} overlap, unless a
 * certain overlap inside it already failed. It also notes whether the rule was exercised (see {@link
 * NeverResult}).
 *
 * <p>Memory: the current runs, the overlaps found inside the current possible run and those listed
 * before it, each kept as the {@link Listing} says.
 */
final class NeverMonitor extends Monitor {
    private static final long NOT_HOLDING = Long.MIN_VALUE;
    private static final long FAIL_RANK = 1L << 62;

    private final NeverWhile rule;
    private final BoundSignal first;
    private final BoundSignal second;
    private final long uncertaintyNanos;
    private final ViolationListener listener;
    private final Listing listing;
    private final Sample<Overlap> overlaps;
    /** Overlaps found inside the current possible run (null while there are none). */
    private Sample<Overlap> run;
    private boolean holding;
    private long startNanos;
    private boolean reported;
    private Long longestNanos;
    private boolean possible;
    private long possibleStartNanos;
    private boolean possibleHadUnknown;
    /** One rule about one state ({@code never x high while x high}): it is exercised by the other level. */
    private final boolean oneState;
    private final Level exercisingLevel;
    private long exercisingSinceNanos = NOT_HOLDING;
    private boolean exercisingHeld;

    NeverMonitor(NeverWhile rule, BoundSignal first, BoundSignal second, long uncertaintyNanos,
            ViolationListener listener, Listing listing) {
        this.rule = rule;
        this.first = first;
        this.second = second;
        this.uncertaintyNanos = uncertaintyNanos;
        this.listener = listener;
        this.listing = listing;
        this.overlaps = Sample.of(listing);
        this.oneState = first == second && rule.state().level() == rule.whileState().level();
        Level w = rule.whileState().level();
        this.exercisingLevel = oneState ? (w == Level.HIGH ? Level.LOW : Level.HIGH) : w;
    }

    @Override
    void settle(long stampNanos) {
        boolean both = first.is(rule.state().level()) && second.is(rule.whileState().level());
        boolean maybe = first.mayBe(rule.state().level()) && second.mayBe(rule.whileState().level());
        if (both && !holding) {
            holding = true;
            startNanos = stampNanos;
            reported = false;
        } else if (!both && holding) {
            holding = false;
            close(stampNanos);
        }
        if (maybe && !possible) {
            possible = true;
            possibleStartNanos = stampNanos;
            possibleHadUnknown = false;
        } else if (!maybe && possible) {
            possible = false;
            closePossible(stampNanos);
        }
        possibleHadUnknown |= maybe && !both;
        boolean exercising = second.is(exercisingLevel);
        if (exercising && exercisingSinceNanos == NOT_HOLDING) {
            exercisingSinceNanos = stampNanos;
        } else if (!exercising && exercisingSinceNanos != NOT_HOLDING) {
            exercisingHeld |= stampNanos > exercisingSinceNanos;
            exercisingSinceNanos = NOT_HOLDING;
        }
    }

    private Verdict judge(long lengthNanos) {
        if (rule.longerThanNanos() == null) {
            return lengthNanos > 0 ? Verdict.FAIL : Verdict.PASS;
        }
        return Measurement.verdict(lengthNanos, uncertaintyNanos, null, rule.longerThanNanos());
    }

    /** Failures rank before inconclusive overlaps, then the longer first. */
    private static long badness(Overlap o) {
        return (o.verdict() == Verdict.FAIL ? FAIL_RANK : 0) + Math.min(o.durationNanos(), FAIL_RANK - 1);
    }

    /** After this time, the open overlap surely violates the rule. */
    private long certainAfter() {
        return rule.longerThanNanos() == null ? startNanos : laterBy(startNanos, rule.longerThanNanos(), uncertaintyNanos);
    }

    /** A certain overlap ends; it lies inside the possible run, which is still open. */
    private void close(long endNanos) {
        long length = endNanos - startNanos;
        longestNanos = longestNanos == null ? length : Math.max(longestNanos, length);
        Verdict v = judge(length);
        if (v != Verdict.PASS) {
            if (run == null) {
                run = Sample.of(listing);
            }
            Overlap o = new Overlap(startNanos, endNanos, v);
            run.add(o, v, badness(o));
        }
        if (v == Verdict.FAIL) {
            report();
        }
    }

    /** Replaces what the possible run found with one inconclusive overlap when unknown levels could have failed it. */
    private void closePossible(long endNanos) {
        boolean replace = possibleHadUnknown && endNanos > possibleStartNanos
                && judge(endNanos - possibleStartNanos) != Verdict.PASS && (run == null || run.tally().fail() == 0);
        if (replace) {
            Overlap o = new Overlap(possibleStartNanos, endNanos, Verdict.INCONCLUSIVE);
            overlaps.add(o, Verdict.INCONCLUSIVE, badness(o));
        } else if (run != null) {
            overlaps.addAll(run);
        }
        run = null;
    }

    @Override
    void advance(long nowNanos) {
        if (holding && !reported && nowNanos > certainAfter()) {
            report();
        }
    }

    @Override
    long nextDecisionNanos() {
        return holding && !reported ? certainAfter() : Long.MAX_VALUE;
    }

    private void report() {
        if (!reported) {
            reported = true;
            listener.violated(new Violation(rule, startNanos, certainAfter(), "'" + rule.state() + "' while '"
                    + rule.whileState() + "' from " + startNanos + " ns" + (rule.longerThanNanos() == null ? ""
                            : " for longer than " + Durations.format(rule.longerThanNanos()))));
        }
    }

    @Override
    void end(long endNanos) {
        if (holding) {
            holding = false;
            if (endNanos > startNanos) {
                close(endNanos);
            }
        }
        if (possible) {
            possible = false;
            closePossible(endNanos);
        }
        if (exercisingSinceNanos != NOT_HOLDING) {
            exercisingHeld |= endNanos > exercisingSinceNanos;
            exercisingSinceNanos = NOT_HOLDING;
        }
    }

    /** Why the rule was not exercised, or null (NeverResult states the conditions). */
    private String unexercisedReason() {
        String exercisingState = rule.whileState().signal().name() + " "
                + exercisingLevel.name().toLowerCase(Locale.ROOT);
        if (!exercisingHeld) {
            return "'" + exercisingState + "' never held in the trace";
        }
        if (!oneState && !first.edged() && !second.edged()) {
            return "neither " + rule.state().signal().name() + " nor " + rule.whileState().signal().name()
                    + " changed level in the trace";
        }
        return null;
    }

    @Override
    RuleResult result() {
        return new NeverResult(rule, uncertaintyNanos, overlaps.listed(), longestNanos, overlaps.tally(),
                unexercisedReason());
    }
}
