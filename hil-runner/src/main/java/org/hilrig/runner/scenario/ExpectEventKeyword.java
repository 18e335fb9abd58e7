package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}}: the board must send a matching event
 * inside the window, measured from the anchor to the event frame's last byte.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class ExpectEventKeyword implements StepKeyword {
    static final ExpectEventKeyword INSTANCE = new ExpectEventKeyword();

    private ExpectEventKeyword() {
    }

    @Override
    public String word() {
        return "expect_event";
    }

    @Override
    public List<String> examples() {
        return List.of("expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}",
                "expect_event: {name: FAULT, from: DOOR_CLOSED inactive, within: 20ms, measure: fault}",
                "expect_event: {name: XON, fields: {kv: {near: technique.kv, tol: profile.accuracy.kv}}, within: 5ms}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, "step 'expect_event'", List.of("name", "fields", "within", "from", "measure"));
        if (m == null) {
            return null;
        }
        String name = in.event(v, m, "step 'expect_event'");
        Map<String, FieldCheck> checks = new java.util.LinkedHashMap<>();
        Map<String, String> fields = in.fields(m.get("fields"), "step 'expect_event'", checks);
        Limit within = m.containsKey("within") ? in.limit(m.get("within"), "step 'expect_event'")
                : in.missing(v, "step 'expect_event'", "within");
        return new Step.ExpectEvent(at, name, fields, within, in.anchor(m.get("from"), "step 'expect_event'"),
                in.optionalScalar(m, "measure", "step 'expect_event'"), checks);
    }

    /** {@code FAULT {code=F01} within 20ms of DOOR_CLOSED inactive (measure fault)}. */
    static String text(Step.ExpectEvent e) {
        return e.event() + StepKeyword.fieldText(e.fields()) + StepKeyword.checkText(e.checks()) + " within " + e.within()
                + (e.from() == null ? "" : " of " + e.from()) + StepKeyword.measureText(e.measure());
    }

    static void needs(Step.ExpectEvent e, StepNeeds needs) {
        needs.event(e.event());
        StepKeyword.anchorNeeds(e.from(), needs);
    }
}
