package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A scenario's {@code repeat:} and {@code sweep:}, as {@link ScenarioLoader} reads them; problems go to the file's input. */
final class RepeatReader {
    private RepeatReader() {
    }

    /** {@code repeat: {times: 10, cv_max: 0.05}} (or {@code repeat: 10}): 1 to 1000 times, a CV bound above 0. */
    static Scenario.Repeat repeat(ScenarioInput in, Node n) {
        Map<String, Node> m = n instanceof org.snakeyaml.engine.v2.nodes.MappingNode
                ? in.mapping(n, "'repeat'", List.of("times", "cv_max")) : Map.of("times", n);
        if (m == null) {
            return null;
        }
        Double times = m.containsKey("times") ? number(in, n, m, "times", "'repeat'") : in.missing(n, "'repeat'", "times");
        Double cv = m.containsKey("cv_max") ? number(in, n, m, "cv_max", "'repeat'") : null;
        if (times != null && (times != Math.rint(times) || times < 1 || times > 1000)) {
            in.problem(m.get("times"), "'repeat' 'times': " + times + " is not a whole number from 1 to 1000");
            return null;
        }
        if (cv != null && !(cv > 0 && cv < 1)) {
            in.problem(m.get("cv_max"), "'repeat' 'cv_max': " + cv + " is not a coefficient of variation above 0 and below 1");
            return null;
        }
        return times == null ? null : new Scenario.Repeat(times.intValue(), cv);
    }

    /**
     * {@code sweep: {techniques: [...] | table: NAME, linearity: {of: NAME, max: 0.10}}}: at least two techniques, or
     * a technique table that {@code profile} has.
     */
    static Scenario.Sweep sweep(ScenarioInput in, Node n, java.util.function.Function<Node, Technique> technique,
            ProfileLimits profile) {
        Map<String, Node> m = in.mapping(n, "'sweep'", List.of("techniques", "table", "linearity"));
        if (m == null) {
            return null;
        }
        List<Technique> techniques = new ArrayList<>();
        String table = null;
        if (m.containsKey("table") == m.containsKey("techniques")) {
            in.problem(m.containsKey("table") ? m.get("table") : n, "'sweep' takes either 'techniques' (a list) or"
                    + " 'table' (a technique table of the board profile), " + (m.containsKey("table") ? "not both" : "found neither"));
            return null;
        }
        if (m.containsKey("table")) {
            table = in.scalar(m.get("table"), "'sweep' 'table'");
            if (table == null) {
                return null;
            }
            try {
                if (profile != null) { // without profiles (a check of the file alone) the table is looked up at run
                    profile.techniques(table);
                }
            } catch (IllegalArgumentException unknown) {
                in.problem(m.get("table"), "'sweep' 'table': " + unknown.getMessage());
                return null;
            }
        } else if (!(m.get("techniques") instanceof SequenceNode seq) || seq.getValue().size() < 2) {
            in.problem(m.get("techniques"), "'sweep' 'techniques': a list of two or more techniques,"
                    + " e.g. [{kv: 80, ma: 100, ms: 100}, {kv: 80, ma: 200, ms: 50}]");
            return null;
        } else {
            for (Node t : seq.getValue()) {
                Technique tech = technique.apply(t);
                if (tech == null) {
                    return null;
                }
                techniques.add(tech);
            }
        }
        String of = null;
        Double max = null;
        if (m.containsKey("linearity")) {
            Map<String, Node> lin = in.mapping(m.get("linearity"), "'sweep' 'linearity'", List.of("of", "max"));
            if (lin == null) {
                return null;
            }
            of = lin.containsKey("of") ? in.scalar(lin.get("of"), "'sweep' 'linearity' 'of'")
                    : in.missing(m.get("linearity"), "'sweep' 'linearity'", "of");
            max = lin.containsKey("max") ? number(in, m.get("linearity"), lin, "max", "'sweep' 'linearity'")
                    : in.missing(m.get("linearity"), "'sweep' 'linearity'", "max");
            if (max != null && !(max > 0 && max < 1)) {
                in.problem(lin.get("max"), "'sweep' 'linearity' 'max': " + max + " is not a share above 0 and below 1");
                return null;
            }
            if (of == null || max == null) {
                return null;
            }
        }
        return new Scenario.Sweep(techniques, table, of, max);
    }

    private static Double number(ScenarioInput in, Node parent, Map<String, Node> m, String key, String what) {
        Node n = m.get(key);
        String s = n == null ? null : in.scalar(n, what + " '" + key + "'");
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            in.problem(n, what + " '" + key + "': '" + s + "' is not a number");
            return null;
        }
    }
}
