package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.rig.Rig;
import org.hilrig.timing.Durations;
import org.hilrig.timing.rules.NeverResult;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.Overlap;
import org.hilrig.timing.rules.RuleChecker;
import org.hilrig.timing.rules.SignalRef;
import org.hilrig.timing.rules.SignalState;
import org.hilrig.timing.rules.SourcePosition;
import org.hilrig.timing.rules.ViolationListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.verdict.Verdict;

/**
 * A scenario's {@code always} invariants, checked on the whole recorded trace of a run with the timing-core
 * monitors, at the rig's declared timestamp uncertainty. Stateless.
 */
final class InvariantCheck {
    private InvariantCheck() {
    }

    /**
     * {@code outcome} with every invariant of {@code scenario} that did not surely hold added (fail or
     * inconclusive, at its line, with its first overlap).
     *
     * @throws IllegalArgumentException when the trace has no line an invariant names
     */
    static Outcome check(Outcome outcome, Scenario scenario, ProfileLimits limits, Technique technique, Rig rig,
                         TraceWatch watch) {
        if (scenario.always().isEmpty()) {
            return outcome;
        }
        List<NeverWhile> rules = new ArrayList<>();
        for (Invariant inv : scenario.always()) {
            SignalState first = state(watch, inv.signal(), inv.state());
            SignalState second = inv.whileSignal() == null ? first : state(watch, inv.whileSignal(), inv.whileState());
            SourcePosition at = new SourcePosition(inv.at().source(), inv.at().line(), inv.at().column());
            Long tolerance = inv.tolerance() == null ? null
                    : inv.tolerance().resolve(limits, scenario.board(), technique).maxNanos();
            rules.add(new NeverWhile("line " + inv.at().line(), null, at, first, second, tolerance));
        }
        RuleChecker checker = new RuleChecker(rules, rig.timestampUncertaintyNanos(), ViolationListener.NONE);
        rig.trace().replay(checker);
        Outcome result = outcome;
        for (int i = 0; i < rules.size(); i++) {
            NeverResult r = (NeverResult) checker.results().get(i);
            if (r.verdict() == Verdict.PASS) {
                continue;
            }
            Invariant inv = scenario.always().get(i);
            Overlap o = r.overlaps().get(0);
            result = result.with(r.verdict(), "line " + inv.at().line() + " (always): never " + inv.text()
                    + ": held for " + Durations.format(o.durationNanos()) + " from " + Durations.format(o.startNanos()));
        }
        return result;
    }

    private static SignalState state(TraceWatch watch, String line, LineState st) {
        int id = watch.id(line);
        if (id < 0) {
            throw new IllegalArgumentException("the rig's trace has no line " + line);
        }
        return new SignalState(SignalRef.named(watch.path(id)), st.isActive() ? Level.HIGH : Level.LOW);
    }
}
