package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;

/**
 * The streaming checker against a plain reading of the rules' definitions on whole random traces: two
 * signals changing at random times (often several times in one stamp), through X and Z.
 */
class RuleCheckerPropertiesTest {

    record Change(int gapNanos, int signal, Level level) {
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<Change> change = Combinators.combine(
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1),
                Arbitraries.of(Level.LOW, Level.HIGH, Level.LOW, Level.HIGH, Level.X, Level.Z)).as(Change::new);
        return change.list().ofMaxSize(60);
    }

    /** Settled levels of both signals after every change at each stamp, by stamp (null: no value yet). */
    private static TreeMap<Long, Level[]> stamps(List<Change> changes) {
        TreeMap<Long, Level[]> stamps = new TreeMap<>();
        Level[] now = new Level[2];
        long t = 0;
        for (Change c : changes) {
            t += c.gapNanos();
            now[c.signal()] = c.level();
            stamps.put(t, now.clone());
        }
        return stamps;
    }

    /** Times at which signal {@code s} reached {@code to} from the other definite level. */
    private static List<Long> edges(TreeMap<Long, Level[]> stamps, int s, Level to) {
        List<Long> edges = new ArrayList<>();
        Level lastDefinite = null;
        for (var e : stamps.entrySet()) {
            Level l = e.getValue()[s];
            if (l == Level.HIGH || l == Level.LOW) {
                if (lastDefinite != null && l != lastDefinite && l == to) {
                    edges.add(e.getKey());
                }
                lastDefinite = l;
            }
        }
        return edges;
    }

    private static Trace trace(List<Change> changes, long tailNanos) {
        Trace trace = new Trace();
        trace.declareDigital("a");
        trace.declareDigital("b");
        long t = 0;
        for (Change c : changes) {
            t += c.gapNanos();
            trace.digital(t, c.signal(), c.level());
        }
        trace.end(t + tailNanos);
        return trace;
    }

    private static boolean mayBe(Level level, Level wanted) {
        return level == wanted || (level != Level.HIGH && level != Level.LOW);
    }

    private static Level opposite(Level level) {
        return level == Level.HIGH ? Level.LOW : Level.HIGH;
    }

    private static Verdict judged(long latency, long u, Long min, long max) {
        boolean inside = latency + u <= max && (min == null || latency - u >= min);
        boolean outside = latency - u > max || (min != null && latency + u < min);
        return inside ? Verdict.PASS : outside ? Verdict.FAIL : Verdict.INCONCLUSIVE;
    }

    @Property(tries = 500)
    void everyTriggerIsAnsweredByTheFirstResponseEdgeAtOrAfterIt(@ForAll("changes") List<Change> changes,
            @ForAll @IntRange(max = 1) int triggerSignal, @ForAll boolean triggerRises,
            @ForAll @IntRange(max = 1) int responseSignal, @ForAll boolean responseRises,
            @ForAll @IntRange(max = 8) int minNanos, @ForAll @IntRange(max = 8) int spanNanos,
            @ForAll boolean withMin, @ForAll @IntRange(max = 2) int uncertainty, @ForAll @IntRange(max = 5) int tail) {
        Edge triggerEdge = triggerRises ? Edge.RISES : Edge.FALLS;
        Edge responseEdge = responseRises ? Edge.RISES : Edge.FALLS;
        Long min = withMin ? (long) minNanos : null;
        long max = minNanos + spanNanos;
        BoundedResponse rule = BoundedResponse.of("R", SignalEdge.of(triggerSignal == 0 ? "a" : "b", triggerEdge),
                SignalEdge.of(responseSignal == 0 ? "a" : "b", responseEdge), new LatencyWindow(min, max));

        RuleChecker checker = new RuleChecker(List.of(rule), (long) uncertainty, ViolationListener.NONE);
        if (triggerSignal == responseSignal && triggerEdge == responseEdge) {
            assertThatThrownBy(() -> trace(changes, tail).replay(checker)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is the trigger");
            return;
        }
        trace(changes, tail).replay(checker);

        TreeMap<Long, Level[]> stamps = stamps(changes);
        List<Long> responses = edges(stamps, responseSignal, responseRises ? Level.HIGH : Level.LOW);
        List<Occurrence> expected = new ArrayList<>();
        for (long trigger : edges(stamps, triggerSignal, triggerRises ? Level.HIGH : Level.LOW)) {
            Long response = responses.stream().filter(r -> r >= trigger).findFirst().orElse(null);
            expected.add(response == null ? new Occurrence(trigger, null, null, Verdict.FAIL)
                    : new Occurrence(trigger, response, response - trigger,
                            judged(response - trigger, uncertainty, min, max)));
        }
        assertThat(((ResponseResult) checker.results().get(0)).occurrences()).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void overlapsAreTheStampRunsWhereBothStatesHoldOrMayHold(@ForAll("changes") List<Change> changes,
            @ForAll boolean aHigh, @ForAll boolean bHigh, @ForAll @IntRange(max = 5) int tail) {
        Level la = aHigh ? Level.HIGH : Level.LOW;
        Level lb = bHigh ? Level.HIGH : Level.LOW;
        NeverWhile rule = NeverWhile.of("N", SignalState.of("a", la), SignalState.of("b", lb));

        Trace trace = trace(changes, tail);
        RuleChecker checker = new RuleChecker(List.of(rule));
        trace.replay(checker);

        // Certain runs: both states hold. Possible runs: neither is the opposite definite level. A possible
        // run with unknown levels in it is one inconclusive overlap unless a certain run inside failed.
        List<Overlap> expected = new ArrayList<>();
        List<Overlap> certainInRun = new ArrayList<>();
        Long certainStart = null;
        Long possibleStart = null;
        boolean unknownInRun = false;
        List<Long> times = new ArrayList<>(stamps(changes).keySet());
        times.add(trace.endNanos());
        TreeMap<Long, Level[]> stamps = stamps(changes);
        for (int i = 0; i < times.size(); i++) {
            long t = times.get(i);
            boolean last = i == times.size() - 1;
            Level[] levels = last ? new Level[] {opposite(la), opposite(lb)} : stamps.get(t);
            boolean both = levels[0] == la && levels[1] == lb;
            boolean maybe = mayBe(levels[0], la) && mayBe(levels[1], lb);
            if (certainStart != null && !both) {
                if (t > certainStart) {
                    certainInRun.add(new Overlap(certainStart, t, Verdict.FAIL));
                }
                certainStart = null;
            }
            if (possibleStart != null && !maybe) {
                if (unknownInRun && certainInRun.isEmpty() && t > possibleStart) {
                    expected.add(new Overlap(possibleStart, t, Verdict.INCONCLUSIVE));
                } else {
                    expected.addAll(certainInRun);
                }
                certainInRun.clear();
                possibleStart = null;
            }
            if (both && certainStart == null) {
                certainStart = t;
            }
            if (maybe && possibleStart == null) {
                possibleStart = t;
                unknownInRun = false;
            }
            unknownInRun |= maybe && !both;
        }
        assertThat(((NeverResult) checker.results().get(0)).overlaps()).isEqualTo(expected);
    }

    /** The first {@code n} and the worst {@code n} of {@code all} (ranked by {@code worseFirst}, the earlier on a tie), in time order. */
    private static <T> List<T> firstAndWorst(List<T> all, int n, Comparator<T> worseFirst) {
        TreeSet<Integer> kept = new TreeSet<>();
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            kept.add(i);
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(Comparator.<Integer, T>comparing(all::get, worseFirst).thenComparing(i -> i));
        kept.addAll(ranked.subList(0, Math.min(n, ranked.size())));
        return kept.stream().map(all::get).toList();
    }

    private static Tally tally(List<Verdict> verdicts) {
        Tally t = Tally.NONE;
        for (Verdict v : verdicts) {
            t = t.plus(v, 1);
        }
        return t;
    }

    @Property(tries = 500)
    void aBoundedListingKeepsTheFirstAndTheWorstOccurrencesAndCountsEveryOne(@ForAll("changes") List<Change> changes,
            @ForAll boolean triggerRises, @ForAll boolean responseRises, @ForAll @IntRange(max = 8) int minNanos,
            @ForAll @IntRange(max = 8) int spanNanos, @ForAll boolean withMin, @ForAll @IntRange(max = 2) int uncertainty,
            @ForAll @IntRange(max = 5) int tail, @ForAll @IntRange(max = 3) int n) {
        Long min = withMin ? (long) minNanos : null;
        long max = minNanos + spanNanos;
        BoundedResponse rule = BoundedResponse.of("R", SignalEdge.of("a", triggerRises ? Edge.RISES : Edge.FALLS),
                SignalEdge.of("b", responseRises ? Edge.RISES : Edge.FALLS), new LatencyWindow(min, max));
        RuleChecker full = new RuleChecker(List.of(rule), (long) uncertainty, ViolationListener.NONE);
        RuleChecker bounded = new RuleChecker(List.of(rule), (long) uncertainty, ViolationListener.NONE,
                Listing.firstAndWorst(n));
        trace(changes, tail).replay(full);
        trace(changes, tail).replay(bounded);

        ResponseResult all = (ResponseResult) full.results().get(0);
        ResponseResult some = (ResponseResult) bounded.results().get(0);
        // worse first: unanswered, then the smallest margin to a limit of the window
        Comparator<Occurrence> worseFirst = Comparator.comparingLong(o -> o.answered()
                ? Math.min(max - o.latencyNanos(), min == null ? Long.MAX_VALUE : o.latencyNanos() - min) : Long.MIN_VALUE);
        assertThat(some.occurrences()).isEqualTo(firstAndWorst(all.occurrences(), n, worseFirst));
        assertThat(some.tally()).isEqualTo(tally(all.occurrences().stream().map(Occurrence::verdict).toList()));
        assertThat(some.tally()).isEqualTo(all.tally());
        assertThat(some.worst()).isEqualTo(all.occurrences().stream().filter(Occurrence::answered)
                .min(worseFirst).orElse(null));
        assertThat(some.verdict()).isEqualTo(all.verdict());
        assertThat(some.truncated()).isEqualTo(some.occurrences().size() < all.occurrences().size());
    }

    @Property(tries = 500)
    void aBoundedListingKeepsTheFirstAndTheWorstOverlapsAndCountsEveryOne(@ForAll("changes") List<Change> changes,
            @ForAll boolean aHigh, @ForAll boolean bHigh, @ForAll boolean withTolerance,
            @ForAll @IntRange(max = 4) int tolerance, @ForAll @IntRange(max = 1) int uncertainty,
            @ForAll @IntRange(max = 5) int tail, @ForAll @IntRange(max = 3) int n) {
        NeverWhile rule = NeverWhile.of("N", SignalState.of("a", aHigh ? Level.HIGH : Level.LOW),
                SignalState.of("b", bHigh ? Level.HIGH : Level.LOW));
        if (withTolerance) {
            rule = rule.longerThan(tolerance);
        }
        RuleChecker full = new RuleChecker(List.of(rule), (long) uncertainty, ViolationListener.NONE);
        RuleChecker bounded = new RuleChecker(List.of(rule), (long) uncertainty, ViolationListener.NONE,
                Listing.firstAndWorst(n));
        trace(changes, tail).replay(full);
        trace(changes, tail).replay(bounded);

        NeverResult all = (NeverResult) full.results().get(0);
        NeverResult some = (NeverResult) bounded.results().get(0);
        Comparator<Overlap> worseFirst = Comparator.comparing((Overlap o) -> o.verdict() != Verdict.FAIL)
                .thenComparing(Comparator.comparingLong(Overlap::durationNanos).reversed());
        assertThat(some.overlaps()).isEqualTo(firstAndWorst(all.overlaps(), n, worseFirst));
        assertThat(some.tally()).isEqualTo(tally(all.overlaps().stream().map(Overlap::verdict).toList()));
        assertThat(some.longestOverlapNanos()).isEqualTo(all.longestOverlapNanos());
        assertThat(some.unexercisedReason()).isEqualTo(all.unexercisedReason());
    }
}
