package org.hilrig.runner.check;

import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.runner.yaml.YamlMap;
import org.hilrig.runner.yaml.YamlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Durations;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.Edge;
import org.hilrig.timing.rules.LatencyWindow;
import org.hilrig.timing.rules.NeverClause;
import org.hilrig.timing.rules.NeverText;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.SignalEdge;
import org.hilrig.timing.rules.SignalRef;
import org.hilrig.timing.rules.SourcePosition;
import org.hilrig.timing.rules.TimingRule;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A timing rules file (CONTRACT.md, "Timing rules"):
 *
 * <pre>
 * rules:
 *   - id: DOOR-HV                 # any name, unique in the file
 *     requirement: REQ-ILK-001    # optional
 *     after: door_closed falls    # &lt;signal&gt; rises|falls
 *     expect: hv_enable falls     # &lt;signal&gt; rises|falls
 *     within: 1ms                 # an upper bound, or a window [20ms, 1500ms]
 *   - id: NO-XRAY-WITH-DOOR-OPEN
 *     never: xray_on high while door_closed low   # {@link NeverText}: &lt;signal&gt; &lt;state&gt; [while ...]
 *     longer_than: 2ms            # optional: overlaps up to this long are allowed
 *     allow_unexercised: true     # optional, any rule: a trace that cannot break it passes it
 * </pre>
 *
 * <p>{@code never} reads as a scenario's invariant does: a state is {@code high} or {@code active},
 * {@code low} or {@code inactive}; {@code never: hv_enable high} alone is {@code hv_enable high while
 * hv_enable high}; the tolerance may be written inline ({@code ... for more than 2ms}) or as
 * {@code longer_than}, not both, and is a duration (a rules file has no board profile).
 *
 * <p>A rule that can never mean anything is a problem at the second name: a response that is its own
 * trigger ({@code after x falls expect x falls}, which would answer itself at 0 ns; the other edge,
 * a pulse width, is fine) and {@code never} on opposite levels of one signal (which can never fail).
 * Names that differ but mean one trace signal are caught when the rules are bound to the trace.
 *
 * <p>The whole file is validated before anything is returned; every problem (malformed YAML aside,
 * which stops the reading where it is) is reported in one {@link BadInputException}, in file order, each
 * as {@code file:line:column: rule 'ID': what, found vs allowed}. Lines and columns are 1-based. Rules
 * keep the position of each signal name so that a name the trace does not have is reported where it was
 * written.
 */
public final class RuleFile {
    private static final List<String> TOP_KEYS = List.of("rules");
    private static final List<String> RULE_KEYS =
            List.of("id", "requirement", "after", "expect", "within", "never", "longer_than", "allow_unexercised");
    private static final Pattern EDGE = Pattern.compile("\\s*(\\S+)\\s+(\\S+)\\s*");

    private final String source;
    private final YamlInput input;
    private final Set<String> allowUnexercised = new HashSet<>();

    private RuleFile(String source) {
        this.source = source;
        this.input = new YamlInput(source);
    }

    /**
     * Reads and validates a rules file; its name in messages is {@code file} as given.
     *
     * @throws BadInputException when the file is missing, unreadable as UTF-8 text, or has any problem
     * @throws RigFailureException when reading fails for another reason
     */
    public static RuleSet load(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(name, 0, 0, "is a directory, not a rules file");
        }
        return parse(name, YamlText.read(file, name));
    }

    /**
     * Parses and validates rules from text; {@code sourceName} names it in messages.
     *
     * @throws BadInputException listing every problem found
     */
    public static RuleSet parse(String sourceName, String text) {
        return new RuleFile(sourceName).read(text);
    }

    private RuleSet read(String text) {
        Optional<Node> document = input.compose(text);
        if (document.isEmpty() || YamlInput.isNull(document.get())) {
            throw new BadInputException(source, 0, 0, "has no rules (expected 'rules:' with a list of rules)");
        }
        List<TimingRule> rules = readTop(document.get());
        input.throwIfAnyInFileOrder();
        return new RuleSet(rules, allowUnexercised);
    }

    private List<TimingRule> readTop(Node top) {
        List<TimingRule> rules = new ArrayList<>();
        if (!(top instanceof MappingNode map)) {
            problem(top, "", "expected a mapping with the key 'rules', found " + describe(top));
            return rules;
        }
        YamlMap keys = input.mapping(map, "the rules file", TOP_KEYS);
        NodeTuple list = keys.get("rules");
        if (list == null) {
            if (input.isEmpty()) {
                input.missing(top, "rules", "the rules file");
            }
            return rules;
        }
        if (!(list.getValueNode() instanceof SequenceNode items)) {
            problem(list.getValueNode(), "", "'rules' must be a list of rules, found " + describe(list.getValueNode()));
            return rules;
        }
        if (items.getValue().isEmpty()) {
            problem(list.getKeyNode(), "", "'rules' is empty; write at least one rule");
            return rules;
        }
        Map<String, Node> ids = new HashMap<>();
        for (int i = 0; i < items.getValue().size(); i++) {
            TimingRule rule = readRule(items.getValue().get(i), i + 1, ids);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** One rule, or null after recording its problems. */
    private TimingRule readRule(Node node, int number, Map<String, Node> ids) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "rule " + number + ": ", "expected a mapping of keys (" + String.join(", ", RULE_KEYS)
                    + "), found " + describe(node));
            return null;
        }
        String label = "rule " + number + ": ";
        NodeTuple idTuple = find(map, "id");
        String id = null;
        if (idTuple != null) {
            id = text(idTuple, label);
            if (id != null && id.isBlank()) {
                problem(idTuple.getValueNode(), label, "'id' is empty");
                id = null;
            }
        }
        if (id != null) {
            label = "rule '" + id + "': ";
            Node first = ids.putIfAbsent(id, idTuple.getValueNode());
            if (first != null) {
                problem(idTuple.getValueNode(), label, "id is used twice (first at line " + line(first) + ")");
            }
        } else if (idTuple == null) {
            input.missing(map, "id", label.substring(0, label.length() - 2));
        }
        int before = input.size();
        YamlMap keys = input.mapping(map, label.substring(0, label.length() - 2), RULE_KEYS);
        String requirement = keys.containsKey("requirement") ? text(keys.get("requirement"), label) : null;
        boolean allowed = keys.containsKey("allow_unexercised") && flag(keys.get("allow_unexercised"), label);
        SourcePosition position = input.position(map);

        boolean response = keys.containsKey("after") || keys.containsKey("expect") || keys.containsKey("within");
        NodeTuple never = keys.get("never");
        TimingRule rule = null;
        if (never != null && response) {
            for (String k : List.of("after", "expect", "within")) {
                if (keys.containsKey(k)) {
                    problem(keys.get(k).getKeyNode(), label, "'" + k + "' cannot be combined with 'never'"
                            + " (a rule is either after/expect/within or never)");
                }
            }
        } else if (never != null) {
            NeverClause clause = clause(never, label);
            Long longerThan = keys.containsKey("longer_than") ? duration(keys.get("longer_than"), label) : null;
            if (clause != null && clause.toleranceText() != null) {
                if (keys.containsKey("longer_than")) {
                    problem(keys.get("longer_than").getKeyNode(), label, "'longer_than' and 'for more than "
                            + clause.toleranceText() + "' in 'never' are one tolerance given twice (write one of them)");
                } else {
                    longerThan = inlineTolerance(clause, label);
                }
            }
            if (clause != null && id != null) {
                rule = meaningful(new NeverWhile(id, requirement, position, clause.first().state(),
                        clause.whileOrFirst().state(), longerThan), label);
            }
        } else if (response) {
            if (keys.containsKey("longer_than")) {
                problem(keys.get("longer_than").getKeyNode(), label, "'longer_than' applies only to 'never' rules");
            }
            SignalEdge trigger = input.required(keys, "after") != null ? edge(keys.get("after"), label) : null;
            SignalEdge answer = input.required(keys, "expect") != null ? edge(keys.get("expect"), label) : null;
            LatencyWindow window = input.required(keys, "within") != null ? window(keys.get("within"), label) : null;
            if (trigger != null && answer != null && window != null && id != null) {
                rule = meaningful(new BoundedResponse(id, requirement, position, trigger, answer, window), label);
            }
        } else if (input.size() == before) {
            problem(map, label, "says nothing to check: give 'after', 'expect' and 'within', or 'never'");
        }
        if (rule != null && allowed && input.size() == before) {
            allowUnexercised.add(id);
        }
        return input.size() == before ? rule : null;
    }

    /** The rule, or null after reporting that its two names are one signal in a way that means nothing. */
    private TimingRule meaningful(TimingRule rule, String label) {
        SignalRef first = rule.signals().get(0);
        SignalRef second = rule.signals().get(1);
        String why = first.name().equals(second.name()) ? rule.meaninglessOnOneSignal() : null;
        if (why == null) {
            return rule;
        }
        problem(second.position(), label, why);
        return null;
    }

    /** A true/false value, or false after reporting that it is something else. */
    private boolean flag(NodeTuple t, String label) {
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        Node v = t.getValueNode();
        if (v instanceof ScalarNode s && Tag.BOOL.equals(v.getTag())) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
        }
        problem(v, label, "'" + key + "' must be true or false, found " + describe(v));
        return false;
    }

    private static NodeTuple find(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** The text of a key's value, or null after reporting that it is not text. */
    private String text(NodeTuple t, String label) {
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        Node v = t.getValueNode();
        if (!(v instanceof ScalarNode s) || YamlInput.isNull(v)) {
            problem(v, label, "'" + key + "' must be a text, found " + describe(v));
            return null;
        }
        return s.getValue();
    }

    private SignalEdge edge(NodeTuple t, String label) {
        String text = text(t, label);
        if (text == null) {
            return null;
        }
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        Matcher m = EDGE.matcher(text);
        Edge edge = m.matches() ? Edge.ofWord(m.group(2)) : null;
        if (edge == null) {
            problem(t.getValueNode(), label, "'" + key + "': '" + text.trim()
                    + "' is not an edge (write '<signal> rises' or '<signal> falls')");
            return null;
        }
        return new SignalEdge(new SignalRef(m.group(1), input.position((ScalarNode) t.getValueNode(), m.start(1))), edge);
    }

    /** The {@code never} clause ({@link NeverText}, either spelling of a state), or null after a problem. */
    private NeverClause clause(NodeTuple t, String label) {
        String text = text(t, label);
        if (text == null) {
            return null;
        }
        ScalarNode value = (ScalarNode) t.getValueNode();
        try {
            return NeverText.parse(text, offset -> input.position(value, offset));
        } catch (BadInputException e) {
            problem(value, label, "'never': " + e.located().get(0).message());
            return null;
        }
    }

    /** The clause's own {@code for more than} as nanoseconds: a duration (a rules file knows no profile). */
    private Long inlineTolerance(NeverClause clause, String label) {
        String limit = clause.toleranceText();
        if (limit.startsWith("profile.")) {
            problem(clause.toleranceAt(), label, "'never': '" + limit + "' is a profile limit, which only a scenario"
                    + " can use (a rules file takes a duration such as 2ms)");
            return null;
        }
        try {
            return Durations.parse(limit);
        } catch (IllegalArgumentException e) {
            problem(clause.toleranceAt(), label, "'never': " + e.getMessage());
            return null;
        }
    }

    private LatencyWindow window(NodeTuple t, String label) {
        Node v = t.getValueNode();
        if (v instanceof SequenceNode seq) {
            if (seq.getValue().size() != 2) {
                problem(v, label, "'within': a window is [min, max], found " + seq.getValue().size() + " values");
                return null;
            }
            Long min = duration(seq.getValue().get(0), "within", label);
            Long max = duration(seq.getValue().get(1), "within", label);
            if (min == null || max == null) {
                return null;
            }
            if (min > max) {
                problem(v, label, "'within': window [" + Durations.format(min) + ", " + Durations.format(max)
                        + "] has its min above its max");
                return null;
            }
            return LatencyWindow.between(min, max);
        }
        Long max = duration(v, "within", label);
        return max == null ? null : LatencyWindow.atMost(max);
    }

    private Long duration(NodeTuple t, String label) {
        return duration(t.getValueNode(), ((ScalarNode) t.getKeyNode()).getValue(), label);
    }

    private Long duration(Node v, String key, String label) {
        if (!(v instanceof ScalarNode s) || YamlInput.isNull(v)) {
            problem(v, label, "'" + key + "' must be a duration such as 2.5ms, found " + describe(v));
            return null;
        }
        try {
            return Durations.parse(s.getValue());
        } catch (IllegalArgumentException e) {
            problem(v, label, "'" + key + "': " + e.getMessage());
            return null;
        }
    }

    // ---- places and problems -----------------------------------------------------------------

    private void problem(Node at, String label, String what) {
        input.problem(at, label + what);
    }

    private void problem(SourcePosition p, String label, String what) {
        input.problem(p, label + what);
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** What a node is, as rule-file messages say it: {@code a mapping}, {@code a list}, {@code nothing}, {@code a text 'x'}. */
    private static String describe(Node n) {
        String d = YamlInput.describe(n);
        return n instanceof ScalarNode && !YamlInput.isNull(n) ? "a text " + d : d;
    }
}
