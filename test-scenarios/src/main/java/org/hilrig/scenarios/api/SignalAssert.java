package org.hilrig.scenarios.api;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.hilrig.timing.Durations;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.Edge;
import org.hilrig.timing.rules.LatencyWindow;
import org.hilrig.timing.rules.NeverResult;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.Occurrence;
import org.hilrig.timing.rules.Overlap;
import org.hilrig.timing.rules.ResponseResult;
import org.hilrig.timing.rules.RuleChecker;
import org.hilrig.timing.rules.SignalEdge;
import org.hilrig.timing.rules.SignalState;
import org.hilrig.timing.rules.TimingRule;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;

/**
 * Timing assertions on one line of a trace, checked with the timing-core rule monitors (the same ones
 * {@code hil check} and scenario invariants use). A trace from the simulated rig has no timestamp
 * uncertainty; a limit exactly met passes.
 */
public final class SignalAssert extends AbstractAssert<SignalAssert, Trace> {
    private final SignalInfo signal;
    private final String name;

    SignalAssert(Trace trace, SignalInfo signal, String name) {
        super(trace, SignalAssert.class);
        this.signal = signal;
        this.name = name;
    }

    /**
     * Every edge of the trigger in the trace is answered by this line falling within {@code maxNanos}
     * (the first fall at or after the trigger); there must be at least one trigger.
     */
    public SignalAssert fellWithin(long maxNanos, Trigger trigger) {
        return respondsWithin(Edge.FALLS, LatencyWindow.atMost(maxNanos), trigger);
    }

    /** As {@link #fellWithin}, for this line rising. */
    public SignalAssert roseWithin(long maxNanos, Trigger trigger) {
        return respondsWithin(Edge.RISES, LatencyWindow.atMost(maxNanos), trigger);
    }

    /** This line falls after every trigger edge with a latency in {@code [minNanos, maxNanos]}. */
    public SignalAssert fellBetween(long minNanos, long maxNanos, Trigger trigger) {
        return respondsWithin(Edge.FALLS, LatencyWindow.between(minNanos, maxNanos), trigger);
    }

    /** This line was never active. */
    public SignalAssert wasNeverActive() {
        SignalState s = new SignalState(org.hilrig.timing.rules.SignalRef.named(signal.path()), Level.HIGH);
        return never(NeverWhile.of(name + " never active", s, s), name + " was active");
    }

    /** This line was never active while {@code other} was in the given state ({@code true} = active). */
    public SignalAssert wasNeverActiveWhile(String other, boolean otherActive) {
        SignalInfo o = TraceAssert.resolve(actual, other);
        NeverWhile rule = NeverWhile.of(name + " active while " + other,
                new SignalState(org.hilrig.timing.rules.SignalRef.named(signal.path()), Level.HIGH),
                new SignalState(org.hilrig.timing.rules.SignalRef.named(o.path()), otherActive ? Level.HIGH : Level.LOW));
        return never(rule, name + " was active while " + other + " was " + (otherActive ? "active" : "inactive"));
    }

    private SignalAssert respondsWithin(Edge edge, LatencyWindow window, Trigger trigger) {
        SignalInfo t = TraceAssert.resolve(actual, trigger.line());
        BoundedResponse rule = BoundedResponse.of(name, SignalEdge.of(t.path(), trigger.edge()),
                SignalEdge.of(signal.path(), edge), window);
        ResponseResult r = (ResponseResult) check(rule);
        String what = name + (edge == Edge.FALLS ? " falling" : " rising") + " within " + window + " after " + trigger;
        if (r.occurrences().isEmpty()) {
            failWithMessage("Expected %s, but %s never happened in the trace", what, trigger);
        }
        List<String> bad = new ArrayList<>();
        for (Occurrence o : r.occurrences()) {
            if (o.verdict() != Verdict.PASS) {
                bad.add("trigger at " + Durations.format(o.triggerNanos()) + ": "
                        + (o.answered() ? "took " + Durations.format(o.latencyNanos()) : "no answer before the trace ended"));
            }
        }
        if (!bad.isEmpty()) {
            failWithMessage("Expected %s, but %s", what, String.join("; ", bad));
        }
        return this;
    }

    private SignalAssert never(NeverWhile rule, String what) {
        NeverResult r = (NeverResult) check(rule);
        if (!r.overlaps().isEmpty()) {
            Overlap o = r.overlaps().get(0);
            failWithMessage("Expected never, but %s for %s from %s (%d time%s)", what, Durations.format(o.durationNanos()),
                    Durations.format(o.startNanos()), r.overlaps().size(), r.overlaps().size() == 1 ? "" : "s");
        }
        return this;
    }

    private Object check(TimingRule rule) {
        RuleChecker checker = new RuleChecker(List.of(rule), 0L, org.hilrig.timing.rules.ViolationListener.NONE);
        actual.replay(checker);
        return checker.results().get(0);
    }
}
