package org.hilrig.runner.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Durations;
import org.hilrig.timing.InputProblem;
import org.hilrig.timing.rules.SourcePosition;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reading one YAML input file's node tree ({@link YamlText#compose}) and collecting every problem found in
 * it with its place, so a loader validates the whole file and reports all at once ({@link #throwIfAny()}).
 *
 * <p>Every reader of the rig's files (scenarios, rules, requirements, board profiles, rig fixtures) uses
 * these helpers, so the same mistake reads the same in every file. {@code W} below is what the caller
 * calls the value or mapping ({@code rule 'DOOR-HV'}, {@code step 'send'}, {@code 'baud'}):
 *
 * <ul>
 *   <li>{@code unknown key 'k' in W (allowed: a, b)}</li>
 *   <li>{@code missing key 'k' in W}</li>
 *   <li>{@code key 'k' appears twice in W (first at line N)}</li>
 *   <li>{@code W must be a single value, found a list} (or {@code a mapping})</li>
 *   <li>{@code W must be a mapping of keys to values (a, b), found a list}</li>
 *   <li>{@code W: 0.5xs is not a duration ...} (the {@link Durations} message)</li>
 *   <li>{@code W is 'x', not a whole number (allowed: 1 to 90)}, {@code W is 91, out of range (allowed: 1 to 90)}</li>
 *   <li>{@code W is 'x' (allowed: a, b)} for a word of a closed set</li>
 * </ul>
 *
 * <p>Positions are 1-based, taken from the nodes SnakeYAML marks. A helper that finds a problem records it
 * and returns null (or an empty result), so the caller carries on with the rest of the file. Confined to
 * one thread; the problems may go to a list shared by several files ({@link #YamlInput(String, List)}).
 */
public final class YamlInput {
    private final String source;
    private final List<InputProblem> problems;

    /** One file's input with its own list of problems; {@code source} names the file in messages. */
    public YamlInput(String source) {
        this(source, new ArrayList<>());
    }

    /** One file's input adding its problems to {@code sink} (several files validated together). */
    public YamlInput(String source, List<InputProblem> sink) {
        this.source = source;
        this.problems = sink;
    }

    public String source() {
        return source;
    }

    /**
     * The file's single YAML document ({@link YamlText#compose}): empty for an empty document.
     *
     * @throws BadInputException where the text is not YAML or beyond {@link YamlLimits#INPUT_FILES}
     */
    public Optional<Node> compose(String text) {
        return YamlText.compose(source, text);
    }

    // ---- places and problems ------------------------------------------------------------------

    /** The 1-based place where a node starts, in this file ({@code 0, 0} when it has no mark). */
    public SourcePosition position(Node node) {
        Optional<Mark> m = node == null ? Optional.empty() : node.getStartMark();
        return m.map(x -> new SourcePosition(source, x.getLine() + 1, x.getColumn() + 1))
                .orElseGet(() -> new SourcePosition(source, 0, 0));
    }

    /**
     * The place of the character {@code offset} into a scalar's text: exact for a scalar written on one
     * line (plain or quoted, without escapes before it); the scalar's start otherwise.
     */
    public SourcePosition position(ScalarNode node, int offset) {
        SourcePosition start = position(node);
        Optional<Mark> end = node.getEndMark();
        if (start.line() == 0 || end.isEmpty() || end.get().getLine() + 1 != start.line()) {
            return start;
        }
        boolean quoted = node.getScalarStyle() == ScalarStyle.SINGLE_QUOTED
                || node.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED;
        return new SourcePosition(source, start.line(), start.column() + offset + (quoted ? 1 : 0));
    }

    /** Records a problem at the node's start ({@code what} is the message without the place). */
    public void problem(Node at, String what) {
        problem(position(at), what);
    }

    /** Records a problem at a place. */
    public void problem(SourcePosition at, String what) {
        problems.add(new InputProblem(at, what));
    }

    /** Records every problem of an error already located (a YAML syntax error, a file that is not there). */
    public void addAll(BadInputException e) {
        problems.addAll(e.located());
    }

    /** Every problem recorded so far (in the shared list, when there is one), in the order found. */
    public List<InputProblem> problems() {
        return java.util.Collections.unmodifiableList(problems);
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws every problem at once, in the order found, when there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    /** As {@link #throwIfAny()}, the problems sorted by line and column (found order among equals). */
    public void throwIfAnyInFileOrder() {
        if (!problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt((InputProblem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
            throw new BadInputException(sorted);
        }
    }

    // ---- shapes -------------------------------------------------------------------------------

    /**
     * A mapping's keys: each known key once, in file order. Reports a node that is not a mapping, a key
     * that is not a plain name, a key not in {@code allowedKeys} (any key is known when it is null), and
     * a key written twice (the first counts).
     *
     * @param what what messages call the mapping ({@code rule 'DOOR-HV'}, {@code serial})
     * @return the keys, or null after reporting that the node is not a mapping
     */
    public YamlMap mapping(Node node, String what, List<String> allowedKeys) {
        if (!(node instanceof MappingNode m)) {
            problem(node, what + " must be a mapping of keys to values"
                    + (allowedKeys == null ? "" : " (" + String.join(", ", allowedKeys) + ")") + ", found " + describe(node));
            return null;
        }
        LinkedHashMap<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), "a key in " + what + " must be a plain name, found " + describe(t.getKeyNode()));
                continue;
            }
            String key = k.getValue();
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                problem(k, "unknown key '" + key + "' in " + what + " (allowed: " + String.join(", ", allowedKeys) + ")");
                continue;
            }
            NodeTuple first = out.putIfAbsent(key, t);
            if (first != null) {
                problem(k, "key '" + key + "' appears twice in " + what + " (first at line "
                        + position(first.getKeyNode()).line() + ")");
            }
        }
        return new YamlMap(m, what, out);
    }

    /** The value of a key that must be there, or null after {@code missing key 'k' in W} at the mapping. */
    public Node required(YamlMap map, String key) {
        Node v = map.value(key);
        if (v == null) {
            missing(map.node(), key, map.what());
        }
        return v;
    }

    /** Reports {@code missing key 'k' in W} at {@code parent}. */
    public void missing(Node parent, String key, String what) {
        problem(parent, "missing key '" + key + "' in " + what);
    }

    /**
     * The text of a single value, or null after {@code W must be a single value, found a list}. An empty
     * value ({@code key:} with nothing after it) is the empty text.
     */
    public String scalar(Node n, String what) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(n, what + " must be a single value, found " + describe(n));
        return null;
    }

    /** A duration such as {@code 2.5ms} in nanoseconds, or null after {@code W: <why it is not one>}. */
    public Long duration(Node n, String what) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        try {
            return Durations.parse(s);
        } catch (IllegalArgumentException e) {
            problem(n, what + ": " + e.getMessage());
            return null;
        }
    }

    /** A decimal number, or null after {@code W: 'x' is not a number}. */
    public Double number(Node n, String what) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(n, what + ": '" + s + "' is not a number");
        return null;
    }

    /**
     * A whole number from {@code min} to {@code max}, or null after {@code W is 'x', not a whole number
     * (allowed: min to max)} or {@code W is n, out of range (allowed: min to max)}.
     */
    public Integer integer(Node n, String what, int min, int max) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            problem(n, what + " is '" + s + "', not a whole number (allowed: " + min + " to " + max + ")");
            return null;
        }
        if (v < min || v > max) {
            problem(n, what + " is " + v + ", out of range (allowed: " + min + " to " + max + ")");
            return null;
        }
        return v;
    }

    /** A true/false value, or null after {@code W must be true or false, found ...}. */
    public Boolean flag(Node n, String what) {
        if (n instanceof ScalarNode s && Tag.BOOL.equals(n.getTag())) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
        }
        problem(n, what + " must be true or false, found " + describe(n));
        return null;
    }

    /**
     * One word of a closed set, spelled as {@code spelling} writes each constant, or null after
     * {@code W is 'x' (allowed: a, b)}.
     */
    public <E extends Enum<E>> E enumValue(Node n, String what, Class<E> type, Function<E, String> spelling) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (spelling.apply(e).equals(s)) {
                return e;
            }
        }
        problem(n, what + " is '" + s + "' (allowed: " + allowed(type, spelling) + ")");
        return null;
    }

    /**
     * One word of a closed set of names that is not an enum (the boards' defects), spelled exactly as listed,
     * or null after {@code W is 'x' (allowed: a, b)}.
     */
    public String word(Node n, String what, List<String> allowed) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        if (allowed.contains(s)) {
            return s;
        }
        problem(n, what + " is '" + s + "' (allowed: " + String.join(", ", allowed) + ")");
        return null;
    }

    /** The constants of a closed set as a file spells them, joined by ", ". */
    public static <E extends Enum<E>> String allowed(Class<E> type, Function<E, String> spelling) {
        return Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "));
    }

    /**
     * A list of names (or one name written alone), each once: {@code W names 'x' twice}; with {@code allowed}
     * given, a name not in it is {@code unknown KIND 'x'[ CONTEXT], allowed: a, b}.
     *
     * @param key what messages call the list ({@code requirements})
     * @param allowed the names allowed, or null for any
     * @param kind what one name is ({@code requirement})
     * @param context after the bad name (e.g. {@code in test-scenarios/requirements.yaml}), or null
     * @return the names, without those reported; empty for a null node
     */
    public List<String> names(Node node, String key, Collection<String> allowed, String kind, String context) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            String s = scalar(item, "'" + key + "'");
            if (s == null) {
                continue;
            }
            if (allowed != null && !allowed.contains(s)) {
                problem(item, "unknown " + kind + " '" + s + "'" + (context == null ? "" : " " + context)
                        + ", " + allowedText(allowed, s));
            } else if (out.contains(s)) {
                problem(item, "'" + key + "' names '" + s + "' twice");
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The allowed names, or when there are many, those that share the bad name's group (REQ-ILK-...). */
    private static String allowedText(Collection<String> allowed, String bad) {
        if (allowed.size() <= 20) {
            return "allowed: " + String.join(", ", allowed);
        }
        int dash = bad.lastIndexOf('-');
        String group = dash > 0 ? bad.substring(0, dash + 1) : bad;
        List<String> near = allowed.stream().filter(a -> a.startsWith(group)).toList();
        return near.isEmpty() ? allowed.size() + " known" : "known in " + group + "*: " + String.join(", ", near);
    }

    // ---- words for nodes ----------------------------------------------------------------------

    /** Whether a node is YAML's null ({@code ~}, {@code null}, or nothing after the colon). */
    public static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    /** What a node is, for "found ...": {@code a list}, {@code a mapping}, {@code nothing}, {@code 'text'}. */
    public static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n == null || isNull(n)) {
            return "nothing";
        }
        return "'" + oneLine(((ScalarNode) n).getValue()) + "'";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
