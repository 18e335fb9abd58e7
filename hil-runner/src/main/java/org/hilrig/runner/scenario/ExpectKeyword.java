package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.hilrig.timing.Durations;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code expect: {signal: HV_ENABLE, becomes: inactive, within: 1ms}} (an {@link Step.Expect}: the line must
 * change into the state inside the window, measured from the anchor) or {@code expect: {signal: HV_ENABLE,
 * stays: inactive, for: 500ms}} (a {@link Step.Hold}: the line must hold the state throughout).
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class ExpectKeyword implements StepKeyword {
    static final ExpectKeyword INSTANCE = new ExpectKeyword();

    private ExpectKeyword() {
    }

    @Override
    public String word() {
        return "expect";
    }

    @Override
    public List<String> examples() {
        return List.of("expect: {signal: HV_ENABLE, becomes: inactive, within: profile.door_to_hv_off, measure: door_to_hv_off}",
                "expect: {signal: HV_ENABLE, becomes: inactive, from: DOOR_CLOSED inactive, within: [1ms, 2ms]}",
                "expect: {signal: XRAY_ON, stays: inactive, for: 500ms}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, "step 'expect'", List.of("signal", "becomes", "within", "from", "measure", "stays", "for"));
        if (m == null) {
            return null;
        }
        String signal = in.signal(v, m, "step 'expect'");
        if (m.containsKey("stays")) {
            for (String k : List.of("becomes", "within", "from", "measure")) {
                if (m.containsKey(k)) {
                    in.problem(m.get(k), "step 'expect' with 'stays' takes 'for', not '" + k + "'");
                }
            }
            LineState st = in.state(m.get("stays"), "step 'expect' 'stays'");
            Long forNanos = m.containsKey("for") ? in.duration(m.get("for"), "step 'expect' 'for'") : in.missing(v, "step 'expect'", "for");
            return forNanos == null ? null : new Step.Hold(at, signal, st, forNanos);
        }
        if (m.containsKey("for")) {
            in.problem(m.get("for"), "step 'expect' takes 'for' only with 'stays'");
        }
        LineState st = m.containsKey("becomes") ? in.state(m.get("becomes"), "step 'expect' 'becomes'")
                : in.missing(v, "step 'expect'", "becomes (or stays)");
        Limit within = m.containsKey("within") ? in.limit(m.get("within"), "step 'expect'") : in.missing(v, "step 'expect'", "within");
        return new Step.Expect(at, signal, st, within, in.anchor(m.get("from"), "step 'expect'"),
                in.optionalScalar(m, "measure", "step 'expect'"));
    }

    /** {@code HV_ENABLE becomes inactive within 1ms of DOOR_CLOSED inactive (measure off)}. */
    static String text(Step.Expect e) {
        return e.signal() + " becomes " + e.state().word() + " within " + e.within()
                + (e.from() == null ? "" : " of " + e.from()) + StepKeyword.measureText(e.measure());
    }

    /** {@code XRAY_ON stays inactive for 2 s}. */
    static String text(Step.Hold h) {
        return h.signal() + " stays " + h.state().word() + " for " + Durations.format(h.forNanos());
    }

    static void needs(Step.Expect e, StepNeeds needs) {
        needs.observes(e.signal());
        needs.looksBackOn(e.signal());
        StepKeyword.anchorNeeds(e.from(), needs);
    }

    static void needs(Step.Hold h, StepNeeds needs) {
        needs.observes(h.signal());
        needs.looksBackOn(h.signal());
    }
}
