package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.timing.Durations;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code measure: {name: kv, signal: KV_FB, stat: mean, over: [XRAY_ON active + 1ms, HV_ENABLE inactive],
 * near: technique.kv, tol: profile.accuracy.kv}} (a {@link Step.Measure}).
 *
 * <ul>
 *   <li>{@code signal}: an analog line ({@code KV_FB}, {@code MA_FB}); the rig must sample it.</li>
 *   <li>{@code stat}: {@code mean}, {@code peak}, {@code min}, {@code ripple} (peak to peak), {@code integral}
 *       (in the line's unit times seconds: {@code MA_FB} gives mAs), {@code rise} (10-90 %), {@code width}
 *       (how long the line stays at or above {@code above:}, e.g. {@code 75 % of technique.kv}).</li>
 *   <li>{@code over}: the window, from the last time the first line entered its state (before the step runs)
 *       to the first time after that the second line entered its state, each moved by an optional offset. A
 *       window that ends later than now is waited for.</li>
 *   <li>a value is judged by {@code near} and {@code tol} (a profile accuracy such as
 *       {@code profile.accuracy.kv}, or one written out: {@code 3 % + 1 kV}) or by {@code min} and/or
 *       {@code max}; a time by {@code within}.</li>
 * </ul>
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class MeasureKeyword implements StepKeyword {
    static final MeasureKeyword INSTANCE = new MeasureKeyword();
    private static final Pattern EDGE = Pattern.compile("\\s*(\\w+)\\s+(active|inactive)\\s*(?:([+-])\\s*(\\S+)\\s*)?");
    private static final String WHAT = "step 'measure'";

    private MeasureKeyword() {
    }

    @Override
    public String word() {
        return "measure";
    }

    @Override
    public List<String> examples() {
        return List.of("measure: {name: kv, signal: KV_FB, stat: mean, over: [XRAY_ON active + 1ms, HV_ENABLE inactive],"
                        + " near: technique.kv, tol: profile.accuracy.kv}",
                "measure: {name: kv_ripple, signal: KV_FB, stat: ripple, over: [XRAY_ON active + 1ms, HV_ENABLE inactive], max: 5}",
                "measure: {name: loading_time, signal: KV_FB, stat: width, above: 75 % of technique.kv,"
                        + " over: [HV_ENABLE active, HV_ENABLE inactive + 50ms], within: [99ms, 101ms]}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, WHAT, List.of("name", "signal", "stat", "over", "above", "near", "tol",
                "min", "max", "within"));
        if (m == null) {
            return null;
        }
        String name = m.containsKey("name") ? in.scalar(m.get("name"), WHAT + " 'name'") : in.missing(v, WHAT, "name");
        String signal = analog(in, v, m);
        AnalogStat stat = m.containsKey("stat") ? stat(in, m.get("stat")) : in.missing(v, WHAT, "stat");
        Step.Edge[] over = m.containsKey("over") ? over(in, m.get("over")) : in.missing(v, WHAT, "over");
        if (stat == null) {
            return null;
        }
        Quantity above = null;
        if (stat == AnalogStat.WIDTH) {
            above = m.containsKey("above") ? quantity(in, m.get("above"), "above") : in.missing(v, WHAT + " 'width'", "above");
        } else if (m.containsKey("above")) {
            in.problem(m.get("above"), WHAT + ": 'above' is the level of stat 'width' only");
        }
        Quantity near = null;
        Step.Tol tol = null;
        Quantity min = null;
        Quantity max = null;
        Limit within = null;
        if (stat.isTime()) {
            for (String k : List.of("near", "tol", "min", "max")) {
                if (m.containsKey(k)) {
                    in.problem(m.get(k), WHAT + ": stat '" + stat.word() + "' is a time, judged by 'within', not '" + k + "'");
                }
            }
            within = m.containsKey("within") ? in.limit(m.get("within"), WHAT) : null;
        } else {
            if (m.containsKey("within")) {
                in.problem(m.get("within"), WHAT + ": stat '" + stat.word() + "' is a value, judged by 'near' and 'tol'"
                        + " or 'min'/'max', not 'within'");
            }
            if (m.containsKey("near") != m.containsKey("tol")) {
                in.problem(m.containsKey("near") ? m.get("near") : m.get("tol"), WHAT + ": 'near' and 'tol' go together");
            }
            if (m.containsKey("near") && (m.containsKey("min") || m.containsKey("max"))) {
                in.problem(m.get("near"), WHAT + ": judge by 'near' and 'tol' or by 'min'/'max', not both");
            }
            near = m.containsKey("near") ? quantity(in, m.get("near"), "near") : null;
            tol = m.containsKey("tol") ? tol(in, m.get("tol"), signal == null ? null : unit(in, signal, stat)) : null;
            min = m.containsKey("min") ? quantity(in, m.get("min"), "min") : null;
            max = m.containsKey("max") ? quantity(in, m.get("max"), "max") : null;
        }
        if (name == null || signal == null || over == null) {
            return null;
        }
        return new Step.Measure(at, name, signal, stat, over[0], over[1], above, near, tol, min, max, within,
                unit(in, signal, stat));
    }

    private static String analog(ScenarioInput in, Node parent, Map<String, Node> m) {
        Node n = m.get("signal");
        if (n == null) {
            return in.missing(parent, WHAT, "signal");
        }
        String s = in.scalar(n, WHAT + " 'signal'");
        if (s != null && !in.vocabulary().analogs().containsKey(s)) {
            in.problem(n, WHAT + ": '" + s + "' is not an analog line, allowed: "
                    + (in.vocabulary().analogs().isEmpty() ? "none" : String.join(", ", in.vocabulary().analogs().keySet())));
            return null;
        }
        return s;
    }

    private static String unit(ScenarioInput in, String signal, AnalogStat stat) {
        return stat.unit(in.vocabulary().analogs().get(signal));
    }

    private static AnalogStat stat(ScenarioInput in, Node n) {
        String s = in.scalar(n, WHAT + " 'stat'");
        if (s == null) {
            return null;
        }
        for (AnalogStat a : AnalogStat.values()) {
            if (a.word().equals(s.trim())) {
                return a;
            }
        }
        List<String> all = java.util.Arrays.stream(AnalogStat.values()).map(AnalogStat::word).toList();
        in.problem(n, WHAT + ": unknown stat '" + s + "', allowed: " + String.join(", ", all));
        return null;
    }

    private static Step.Edge[] over(ScenarioInput in, Node n) {
        if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2) {
            in.problem(n, WHAT + " 'over': a window has two edges, e.g. [XRAY_ON active + 1ms, HV_ENABLE inactive]");
            return null;
        }
        Step.Edge a = edge(in, seq.getValue().get(0));
        Step.Edge b = edge(in, seq.getValue().get(1));
        return a == null || b == null ? null : new Step.Edge[] {a, b};
    }

    private static Step.Edge edge(ScenarioInput in, Node n) {
        String s = in.scalar(n, WHAT + " 'over'");
        if (s == null) {
            return null;
        }
        Matcher x = EDGE.matcher(s);
        if (!x.matches()) {
            in.problem(n, WHAT + " 'over': '" + s + "' does not read 'SIGNAL active|inactive', optionally '+ 1ms' or '- 1ms'");
            return null;
        }
        in.observable(n, x.group(1), WHAT + " 'over'");
        long offset = 0;
        if (x.group(3) != null) {
            try {
                offset = Durations.parse(x.group(4));
            } catch (IllegalArgumentException e) {
                in.problem(n, WHAT + " 'over': " + e.getMessage());
                return null;
            }
            offset = x.group(3).equals("-") ? -offset : offset;
        }
        return new Step.Edge(new Step.Anchor(x.group(1), LineState.parse(x.group(2))), offset);
    }

    private static Quantity quantity(ScenarioInput in, Node n, String key) {
        return in.quantity(n, WHAT + " '" + key + "'");
    }

    private static Step.Tol tol(ScenarioInput in, Node n, String unit) {
        return in.tolerance(n, WHAT + " 'tol'", unit);
    }

    /** {@code mean of KV_FB over [XRAY_ON active + 1ms, HV_ENABLE inactive] near technique.kv +- profile.accuracy.kv (measure kv)}. */
    static String text(Step.Measure m) {
        StringBuilder b = new StringBuilder(m.stat().word()).append(" of ").append(m.signal());
        if (m.above() != null) {
            b.append(" above ").append(m.above());
        }
        b.append(" over [").append(m.from()).append(", ").append(m.to()).append(']');
        if (m.near() != null) {
            b.append(" near ").append(m.near()).append(" +- ").append(m.tol());
        }
        if (m.min() != null) {
            b.append(" min ").append(m.min());
        }
        if (m.max() != null) {
            b.append(" max ").append(m.max());
        }
        if (m.within() != null) {
            b.append(" within ").append(m.within());
        }
        return b.append(StepKeyword.measureText(m.name())).toString();
    }

    static void needs(Step.Measure m, StepNeeds needs) {
        needs.samples(m.signal());
        for (Step.Edge e : List.of(m.from(), m.to())) {
            needs.observes(e.anchor().signal());
            needs.looksBackOn(e.anchor().signal());
        }
    }
}
