package org.hilrig.runner.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * {@code set: {PREP_REQ: active, EXP_REQ_A: active}}: drives input lines, all at the same instant; the
 * instant the last of them took effect on the rig is the stimulus later limits are measured from.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class SetKeyword implements StepKeyword {
    static final SetKeyword INSTANCE = new SetKeyword();

    private SetKeyword() {
    }

    @Override
    public String word() {
        return "set";
    }

    @Override
    public List<String> examples() {
        return List.of("set: {PREP_REQ: active}",
                "set: {EXP_REQ_A: active, EXP_REQ_B: active}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        if (!(v instanceof MappingNode m) || m.getValue().isEmpty()) {
            in.problem(v, "step 'set' takes lines and states, e.g. {PREP_REQ: active}");
            return null;
        }
        Map<String, LineState> lines = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String line = in.keyName(t.getKeyNode());
            if (line == null) {
                continue;
            }
            if (!in.vocabulary().inputs().contains(line)) {
                in.problem(t.getKeyNode(), "step 'set': unknown input line '" + line + "', allowed: "
                        + String.join(", ", in.vocabulary().inputs()));
            }
            LineState st = in.state(t.getValueNode(), "step 'set' " + line);
            if (lines.put(line, st) != null) {
                in.problem(t.getKeyNode(), "step 'set': line '" + line + "' is set twice");
            }
        }
        return new Step.Set(at, lines);
    }

    /** {@code PREP_REQ active, EXP_REQ_A inactive}. */
    static String text(Step.Set s) {
        StringBuilder b = new StringBuilder();
        String sep = "";
        for (Map.Entry<String, LineState> e : s.lines().entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue().word());
            sep = ", ";
        }
        return b.toString();
    }

    static void needs(Step.Set s, StepNeeds needs) {
        s.lines().keySet().forEach(needs::drives);
    }
}
