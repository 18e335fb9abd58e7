package org.hilrig.runner.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.device.fault.FaultText;
import org.hilrig.device.fault.FaultTextException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code fault: door_open} or {@code fault: {name: arc_burst, arcs: 4}}: injects a plant fault with its
 * parameters; the instant it took effect is the stimulus. The fault is parsed at load ({@link FaultText}), so
 * a bad parameter value is a problem at its node.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class FaultKeyword implements StepKeyword {
    static final FaultKeyword INSTANCE = new FaultKeyword();

    private FaultKeyword() {
    }

    @Override
    public String word() {
        return "fault";
    }

    @Override
    public List<String> examples() {
        return List.of("fault: door_open",
                "fault: {name: arc_burst, arcs: 4, spacing: 5ms}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        String name;
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Node> valueNodes = new LinkedHashMap<>();
        Node nameNode = v;
        if (v instanceof ScalarNode s) {
            name = s.getValue();
        } else if (v instanceof MappingNode m) {
            Map<String, Node> map = in.mapping(v, "step 'fault'", null);
            nameNode = map.get("name");
            if (nameNode == null) {
                in.problem(v, "step 'fault' has no 'name'");
                return null;
            }
            name = in.scalar(nameNode, "step 'fault' name");
            for (NodeTuple t : m.getValue()) {
                String k = in.keyName(t.getKeyNode());
                if (k != null && !k.equals("name")) {
                    String val = in.scalar(t.getValueNode(), "step 'fault' parameter '" + k + "'");
                    if (val != null) {
                        params.put(k, val);
                        valueNodes.put(k, t.getValueNode());
                    }
                }
            }
        } else {
            in.problem(v, "step 'fault' takes a fault name or {name: ..., parameter: value}");
            return null;
        }
        if (name == null) {
            return null;
        }
        if (!in.vocabulary().faults().containsKey(name)) {
            in.problem(nameNode, "step 'fault': unknown fault '" + name + "', allowed: " + String.join(", ", in.vocabulary().faults().keySet()));
            return null;
        }
        boolean unknownKeys = false;
        if (v instanceof MappingNode m) {
            java.util.Set<String> allowed = in.vocabulary().faults().get(name);
            for (NodeTuple t : m.getValue()) {
                String k = in.keyName(t.getKeyNode());
                if (k != null && !k.equals("name") && !allowed.contains(k)) {
                    unknownKeys = true;
                    in.problem(t.getKeyNode(), "step 'fault': " + name + " has no parameter '" + k + "', allowed: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
                }
            }
        }
        if (unknownKeys) {
            return null;
        }
        try {
            return new Step.Fault(at, FaultText.parse(name, params), params);
        } catch (FaultTextException e) {
            for (FaultTextException.Issue issue : e.issues()) {
                in.problem(valueNodes.getOrDefault(issue.parameter(), nameNode), issue.message());
            }
            return null;
        }
    }

    /** {@code arc_burst {arcs=4, spacing=5ms}}. */
    static String text(Step.Fault f) {
        return f.name() + StepKeyword.fieldText(f.params());
    }

    static void needs(Step.Fault f, StepNeeds needs) {
        needs.fault(f.name());
    }
}
