package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.hilrig.timing.Durations;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code heartbeat: {every: 100ms, for: 2s}}: the host keeps the link alive with {@code HBT} commands at that
 * period; each must be acknowledged within the serial reply limit.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class HeartbeatKeyword implements StepKeyword {
    static final HeartbeatKeyword INSTANCE = new HeartbeatKeyword();

    private HeartbeatKeyword() {
    }

    @Override
    public String word() {
        return "heartbeat";
    }

    @Override
    public List<String> examples() {
        return List.of("heartbeat: {every: 100ms, for: 2s}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, "step 'heartbeat'", List.of("every", "for"));
        if (m == null) {
            return null;
        }
        Long every = m.containsKey("every") ? in.duration(m.get("every"), "step 'heartbeat' 'every'") : in.missing(v, "step 'heartbeat'", "every");
        Long forNanos = m.containsKey("for") ? in.duration(m.get("for"), "step 'heartbeat' 'for'") : in.missing(v, "step 'heartbeat'", "for");
        if (every != null && every <= 0) {
            in.problem(m.get("every"), "step 'heartbeat' 'every': must be above 0");
            return null;
        }
        return every == null || forNanos == null ? null : new Step.Heartbeat(at, every, forNanos);
    }

    /** {@code every 100 ms for 2 s}. */
    static String text(Step.Heartbeat h) {
        return "every " + Durations.format(h.everyNanos()) + " for " + Durations.format(h.forNanos());
    }

    static void needs(Step.Heartbeat h, StepNeeds needs) {
        needs.command("HBT");
    }
}
