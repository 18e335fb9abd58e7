package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.hilrig.timing.Durations;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code expect_no_event: {name: XON, for: 1s}}: no matching event may arrive for a time from now.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class NoEventKeyword implements StepKeyword {
    static final NoEventKeyword INSTANCE = new NoEventKeyword();

    private NoEventKeyword() {
    }

    @Override
    public String word() {
        return "expect_no_event";
    }

    @Override
    public List<String> examples() {
        return List.of("expect_no_event: {name: XON, for: 1s}",
                "expect_no_event: {name: FAULT, fields: {code: F02}, for: 250us}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, "step 'expect_no_event'", List.of("name", "fields", "for"));
        if (m == null) {
            return null;
        }
        String name = in.event(v, m, "step 'expect_no_event'");
        Map<String, String> fields = in.fields(m.get("fields"), "step 'expect_no_event'");
        Long forNanos = m.containsKey("for") ? in.duration(m.get("for"), "step 'expect_no_event' 'for'")
                : in.missing(v, "step 'expect_no_event'", "for");
        return forNanos == null ? null : new Step.NoEvent(at, name, fields, forNanos);
    }

    /** {@code FAULT {code=F02} for 250 us}. */
    static String text(Step.NoEvent n) {
        return n.event() + StepKeyword.fieldText(n.fields()) + " for " + Durations.format(n.forNanos());
    }

    static void needs(Step.NoEvent n, StepNeeds needs) {
        needs.event(n.event());
    }
}
