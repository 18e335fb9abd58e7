package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code await: {signal: READY, is: active, within: 2s}}: waits until a line is in a state (at once when it
 * already is); fails when it is not by the limit, measured from the last stimulus.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class AwaitKeyword implements StepKeyword {
    static final AwaitKeyword INSTANCE = new AwaitKeyword();

    private AwaitKeyword() {
    }

    @Override
    public String word() {
        return "await";
    }

    @Override
    public List<String> examples() {
        return List.of("await: {signal: READY, is: active, within: profile.rotor_timeout}",
                "await: {signal: XRAY_ON, is: active, within: 5ms, measure: xray_on}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, "step 'await'", List.of("signal", "is", "within", "measure"));
        if (m == null) {
            return null;
        }
        String signal = in.signal(v, m, "step 'await'");
        LineState st = m.containsKey("is") ? in.state(m.get("is"), "step 'await' 'is'") : in.missing(v, "step 'await'", "is");
        Limit within = m.containsKey("within") ? in.limit(m.get("within"), "step 'await'") : in.missing(v, "step 'await'", "within");
        return new Step.Await(at, signal, st, within, in.optionalScalar(m, "measure", "step 'await'"));
    }

    /** {@code READY active within profile.rotor_timeout (measure ready)}. */
    static String text(Step.Await a) {
        return a.signal() + " " + a.state().word() + " within " + a.within() + StepKeyword.measureText(a.measure());
    }

    static void needs(Step.Await a, StepNeeds needs) {
        needs.observes(a.signal());
        needs.looksBackOn(a.signal());
    }
}
