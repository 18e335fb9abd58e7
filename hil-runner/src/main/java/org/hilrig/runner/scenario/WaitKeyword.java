package org.hilrig.runner.scenario;

import java.util.List;
import org.hilrig.timing.Durations;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code wait: 100ms}: lets rig time pass.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class WaitKeyword implements StepKeyword {
    static final WaitKeyword INSTANCE = new WaitKeyword();

    private WaitKeyword() {
    }

    @Override
    public String word() {
        return "wait";
    }

    @Override
    public List<String> examples() {
        return List.of("wait: 100ms",
                "wait: 1.5s");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Long d = in.duration(v, "step 'wait'");
        return d == null ? null : new Step.Wait(at, d);
    }

    /** {@code 1.5 s}. */
    static String text(Step.Wait w) {
        return Durations.format(w.nanos());
    }

    static void needs(Step.Wait w, StepNeeds needs) {
        // time only
    }
}
