package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.runner.yaml.YamlMap;
import org.hilrig.timing.Durations;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One scenario file's node tree as the loader and the step keywords read it: each helper reads one kind of
 * value (a mapping with its allowed keys, a scalar, a duration, a line state, a limit, a signal, an event,
 * fields, an anchor), adds a problem at the value's node for everything wrong and carries on, returning null
 * for a value it could not read. Names are checked against the file's {@link Vocabulary}.
 *
 * <p>Not thread-safe: one per file read.
 */
final class ScenarioInput {
    private static final Pattern ANCHOR = Pattern.compile("\\s*(\\w+)\\s+(active|inactive)\\s*");
    /** The operator between the terms of a limit sum: {@code 500ms + profile.limits.comms_loss_margin}. */
    private static final Pattern SUM = Pattern.compile("\\s+([+-])\\s+");

    private final String source;
    private final Problems problems;
    private final Vocabulary vocabulary;
    /** The shared YAML helpers ({@link YamlInput}), adding to {@link #problems}: one message shape in every file. */
    private final YamlInput input;

    /**
     * @param source the file's name in messages
     * @param problems where problems go
     * @param vocabulary the names the file may use
     */
    ScenarioInput(String source, Problems problems, Vocabulary vocabulary) {
        this.source = source;
        this.problems = problems;
        this.vocabulary = vocabulary;
        this.input = problems.input(source);
    }

    /** The names the file may use. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Adds a problem located at {@code at}. */
    void problem(Node at, String what) {
        problems.add(source, at, what);
    }

    /** Where {@code n} starts in the file, 1-based. */
    Position pos(Node n) {
        return n.getStartMark().map(m -> new Position(source, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Position(source, 0, 0));
    }

    /**
     * The mapping's entries by key, unknown (when {@code allowed} is given), repeated and non-text keys
     * reported ({@link YamlInput#mapping}); null when not a mapping.
     */
    Map<String, Node> mapping(Node n, String what, List<String> allowed) {
        YamlMap m = input.mapping(n, what, allowed);
        return m == null ? null : m.values();
    }

    /** A single value, or null (reported) for a list or a mapping. */
    String scalar(Node n, String what) {
        return input.scalar(n, what);
    }

    /** A mapping key as text, or null (reported). */
    String keyName(Node key) {
        return scalar(key, "a key");
    }

    /** The key's single value, or null when the key is absent (or reported when it is not a single value). */
    String optionalScalar(Map<String, Node> m, String key, String what) {
        Node n = m.get(key);
        return n == null ? null : scalar(n, what + " '" + key + "'");
    }

    /** Reports that {@code parent} lacks {@code key}; null, for the caller to return. */
    <T> T missing(Node parent, String what, String key) {
        input.missing(parent, key, what);
        return null;
    }

    /** A duration ({@code 100ms}) in nanoseconds, or null (reported). */
    Long duration(Node n, String what) {
        return input.duration(n, what);
    }

    /** {@code active} or {@code inactive}, or null (reported). */
    LineState state(Node n, String what) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        LineState st = LineState.parse(s);
        if (st == null) {
            problem(n, what + ": '" + s + "' is not a line state, allowed: active, inactive");
        }
        return st;
    }

    /**
     * A {@code within}: a limit ({@code 1ms}, {@code profile.NAME}, a sum) or a window {@code [20ms, 1500ms]};
     * null (reported).
     */
    Limit limit(Node n, String what) {
        if (n instanceof SequenceNode seq) {
            if (seq.getValue().size() != 2) {
                problem(n, what + " 'within': a window has two ends, e.g. [20ms, 1500ms], found "
                        + seq.getValue().size());
                return null;
            }
            String lo = scalar(seq.getValue().get(0), what + " 'within'");
            String hi = scalar(seq.getValue().get(1), what + " 'within'");
            Limit.Bound min = lo == null ? null : bound(seq.getValue().get(0), lo, what);
            Limit.Bound max = hi == null ? null : bound(seq.getValue().get(1), hi, what);
            if (min instanceof Limit.Fixed a && max instanceof Limit.Fixed b && a.nanos() > b.nanos()) {
                problem(n, what + " 'within': window [" + lo + ", " + hi + "] ends before it starts");
            }
            return min == null || max == null ? null : new Limit(min, max, "[" + lo + ", " + hi + "]");
        }
        String s = scalar(n, what + " 'within'");
        return s == null ? null : limitText(n, s, what);
    }

    /** A limit written as text at {@code at}: a duration, a profile limit or a sum of those; null (reported). */
    Limit limitText(Node at, String s, String what) {
        Limit.Bound b = bound(at, s, what);
        return b == null ? null : new Limit(null, b, s.trim());
    }

    private Limit.Bound bound(Node at, String s, String what) {
        String[] parts = SUM.split(s.trim(), -1);
        if (parts.length == 1) {
            return term(at, s, what);
        }
        List<Limit.Term> terms = new ArrayList<>();
        Matcher signs = SUM.matcher(s.trim());
        boolean minus = false;
        boolean ok = true;
        for (String part : parts) {
            Limit.Bound b = term(at, part, what);
            ok &= b != null;
            terms.add(new Limit.Term(b, minus));
            minus = signs.find() && signs.group(1).equals("-");
        }
        return ok ? new Limit.Sum(terms) : null;
    }

    private Limit.Bound term(Node at, String s, String what) {
        String t = s.trim();
        if (t.startsWith("profile.")) {
            String name = t.substring("profile.".length());
            if (!vocabulary.profileLimits().contains(name)) {
                problem(at, what + ": unknown profile limit '" + t + "', allowed: profile."
                        + String.join(", profile.", vocabulary.profileLimits()));
                return null;
            }
            return new Limit.ProfileRef(name);
        }
        try {
            return new Limit.Fixed(Durations.parse(t));
        } catch (IllegalArgumentException e) {
            problem(at, what + ": " + e.getMessage() + " or a profile limit (profile.NAME)"
                    + " or a sum of those (500ms + profile.NAME)");
            return null;
        }
    }

    /** The {@code signal} of a step, checked to be a line the rig has; null (reported) when absent. */
    String signal(Node parent, Map<String, Node> m, String what) {
        Node n = m.get("signal");
        if (n == null) {
            problem(parent, what + " has no 'signal'");
            return null;
        }
        String s = scalar(n, what + " 'signal'");
        if (s != null) {
            observable(n, s, what);
        }
        return s;
    }

    /** Reports {@code line} at {@code at} unless the vocabulary lets a scenario observe it. */
    void observable(Node at, String line, String what) {
        if (!vocabulary.isObservable(line)) {
            java.util.TreeSet<String> all = new java.util.TreeSet<>(vocabulary.outputs());
            all.addAll(vocabulary.inputs());
            problem(at, what + ": unknown signal '" + line + "', allowed: " + String.join(", ", all));
        }
    }

    /** The {@code name} of an event, checked against the protocol's events; null (reported) when absent. */
    String event(Node parent, Map<String, Node> m, String what) {
        Node n = m.get("name");
        if (n == null) {
            problem(parent, what + " has no 'name'");
            return null;
        }
        String s = scalar(n, what + " 'name'");
        if (s != null && !vocabulary.events().contains(s)) {
            problem(n, what + ": unknown event '" + s + "', allowed: " + String.join(", ", vocabulary.events()));
        }
        return s;
    }

    /** Frame fields {@code {code: F01}} in their order, empty when {@code n} is null; bad ones reported. */
    Map<String, String> fields(Node n, String what) {
        return fields(n, what, null);
    }

    /**
     * Frame fields in their order; a field written as a mapping ({@code mas: {near: value.mas, tol: 2 %}}, {@code
     * ms: {min: 99, max: 101}}) goes to {@code checks} when given, and is a problem otherwise.
     */
    Map<String, String> fields(Node n, String what, Map<String, FieldCheck> checks) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof MappingNode m)) {
            problem(n, what + " 'fields' must be a mapping of field names to values, e.g. {code: F01}");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            String k = keyName(t.getKeyNode());
            if (checks != null && t.getValueNode() instanceof MappingNode) {
                FieldCheck c = fieldCheck(t.getValueNode(), what + " field '" + k + "'", FieldCheck.unitOf(k));
                if (k != null && c != null && (checks.put(k, c) != null || out.containsKey(k))) {
                    problem(t.getKeyNode(), what + ": field '" + k + "' is given twice");
                }
                continue;
            }
            String v = scalar(t.getValueNode(), what + " field '" + k + "'");
            if (k != null && v != null) {
                if (out.put(k, v) != null || (checks != null && checks.containsKey(k))) {
                    problem(t.getKeyNode(), what + ": field '" + k + "' is given twice");
                }
            }
        }
        return out;
    }

    private FieldCheck fieldCheck(Node n, String what, String unit) {
        Map<String, Node> m = mapping(n, what, List.of("near", "tol", "min", "max"));
        if (m == null) {
            return null;
        }
        if (m.containsKey("near") != m.containsKey("tol")) {
            problem(n, what + ": 'near' and 'tol' go together");
            return null;
        }
        if (m.containsKey("near") == (m.containsKey("min") || m.containsKey("max"))) {
            problem(n, what + ": give 'near' and 'tol', or 'min' and/or 'max'");
            return null;
        }
        Quantity near = m.containsKey("near") ? quantity(m.get("near"), what + " 'near'") : null;
        Step.Tol tol = m.containsKey("tol") ? tolerance(m.get("tol"), what + " 'tol'", unit) : null;
        Quantity min = m.containsKey("min") ? quantity(m.get("min"), what + " 'min'") : null;
        Quantity max = m.containsKey("max") ? quantity(m.get("max"), what + " 'max'") : null;
        if ((m.containsKey("near") && (near == null || tol == null)) || (m.containsKey("min") && min == null)
                || (m.containsKey("max") && max == null)) {
            return null;
        }
        return new FieldCheck(near, tol, min, max);
    }

    /** A quantity ({@link Quantity#parse}), or null (reported). */
    Quantity quantity(Node n, String what) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        String[] why = new String[1];
        Quantity q = Quantity.parse(s, why);
        if (q == null) {
            problem(n, what + ": " + why[0]);
        }
        return q;
    }

    /**
     * A tolerance: {@code profile.accuracy.kv} or one written out ({@code 3 % + 1 kV}), its amount in {@code
     * unit} when that is known (not null or empty); null (reported).
     */
    Step.Tol tolerance(Node n, String what, String unit) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.startsWith("profile.")) {
            org.hilrig.device.profile.ProfileKey k = org.hilrig.device.board.Boards.profileKey(t.substring("profile.".length()));
            if (k == null || k.kind() != org.hilrig.device.profile.ProfileKey.Kind.TOLERANCE) {
                problem(n, what + ": '" + t + "' is not an accuracy of the board profiles (allowed: "
                        + String.join(", ", org.hilrig.device.board.Boards.profileKeys().stream()
                                .filter(p -> p.kind() == org.hilrig.device.profile.ProfileKey.Kind.TOLERANCE)
                                .map(p -> "profile." + p.path()).toList()) + ")");
                return null;
            }
            return new Step.Tol(k.path(), null);
        }
        try {
            org.hilrig.device.profile.Tolerance written = org.hilrig.device.profile.Tolerance.parse(t);
            if (unit != null && !unit.isEmpty() && !written.fits(unit)) {
                problem(n, what + ": " + written + " is in " + written.unit() + ", the value in " + unit);
                return null;
            }
            return new Step.Tol(null, written);
        } catch (IllegalArgumentException e) {
            problem(n, what + ": " + e.getMessage());
            return null;
        }
    }

    /** A {@code from: SIGNAL active|inactive} anchor, or null when {@code n} is null or it does not read (reported). */
    Step.Anchor anchor(Node n, String what) {
        if (n == null) {
            return null;
        }
        String s = scalar(n, what + " 'from'");
        if (s == null) {
            return null;
        }
        Matcher x = ANCHOR.matcher(s);
        if (!x.matches()) {
            problem(n, what + " 'from': '" + s + "' does not read 'SIGNAL active' or 'SIGNAL inactive'");
            return null;
        }
        observable(n, x.group(1), what + " 'from'");
        return new Step.Anchor(x.group(1), LineState.parse(x.group(2)));
    }
}
