package org.hilrig.runner.scenario;

import org.hilrig.device.board.BoardDefinition;
import org.hilrig.device.board.Boards;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.yaml.YamlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.timing.rules.NeverClause;
import org.hilrig.timing.rules.NeverText;
import org.hilrig.timing.trace.Level;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads scenario files and validates them against a {@link Vocabulary}.
 *
 * <p>Every file is validated whole: unknown keys, unknown signals, faults, commands, events, defects and
 * requirements, bad durations and limits, missing keys, duplicate ids (across all files loaded together) and
 * steps that cannot end within the scenario's limit ({@link ScenarioLength}) are all reported, each as one
 * line {@code file:line:col: what, found vs allowed}. Any problem makes the
 * load throw one {@link BadInputException} carrying all of them (exit code 2).
 *
 * <p>Stateless apart from its vocabulary; safe to share between threads.
 */
public final class ScenarioLoader {
    private static final List<String> TOP_KEYS = List.of("id", "title", "requirements", "tags", "board", "other_board",
            "technique", "catches", "limit", "repeat", "sweep", "steps", "always");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    /** An id names its trace file ({@code traces/<id>.vcd}) and a line of every report: a short name. */
    static final int MAX_ID_CHARS = 64;
    /** Messages show at most this many characters of a value. */
    private static final int SHOWN_CHARS = 40;
    /** An invariant's keys: the clause ({@link NeverText}) and, instead of its own 'for more than', a tolerance. */
    private static final List<String> INVARIANT = List.of("never", "longer_than");

    private final Vocabulary vocabulary;
    private final Path base;
    private final ProfileLimits profile;

    /** A loader that names files relative to the current directory when they lie under it. */
    public ScenarioLoader(Vocabulary vocabulary) {
        this(vocabulary, Path.of(""));
    }

    /**
     * A loader that names files relative to {@code base} (the rig's home) when they lie under it, so results
     * and messages read the same wherever {@code hil} was started.
     */
    public ScenarioLoader(Vocabulary vocabulary, Path base) {
        this(vocabulary, base, null);
    }

    /**
     * As {@link #ScenarioLoader(Vocabulary, Path)}, also refusing steps that cannot end within the scenario's
     * limit where {@code profile} tells it ({@link ScenarioLength}); without a profile only a scenario's own
     * {@code limit} in plain numbers is checked so.
     */
    public ScenarioLoader(Vocabulary vocabulary, Path base, ProfileLimits profile) {
        this.vocabulary = vocabulary;
        this.base = base.toAbsolutePath().normalize();
        this.profile = profile;
    }

    /**
     * Loads every scenario file named: files as given, folders searched recursively for {@code *.yaml} and
     * {@code *.yml}, in path order. Files are named in messages relative to the loader's base when they
     * lie under it.
     *
     * @throws BadInputException with every problem of every file, when a path does not exist, or when a
     *     folder holds no scenario file (running nothing is a mistake, not a pass)
     * @throws RigFailureException when a folder cannot be listed
     */
    public List<Scenario> loadAll(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        Problems problems = new Problems();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(p)) {
                    found = walk.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")))
                            .sorted(Comparator.comparing(Path::toString)).toList();
                } catch (IOException | UncheckedIOException e) {
                    throw new RigFailureException(p + ": cannot list the folder: " + e.getMessage(), e);
                }
                if (found.isEmpty()) {
                    problems.add(p.toString(), 0, 0, "no scenario files in this folder (*.yaml or *.yml, searched"
                            + " in every subfolder)");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.add(p.toString(), 0, 0, "no such scenario file or folder");
            }
        }
        List<Scenario> out = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = YamlText.read(f, display(f));
            } catch (BadInputException e) {
                problems.addAll(e);
                continue;
            }
            parse(display(f), text, problems).ifPresent(out::add);
        }
        checkUniqueIds(out, problems);
        problems.throwIfAny();
        return out;
    }

    /** Loads one scenario from text; {@code source} names it in messages. */
    public Scenario load(String source, String text) {
        Problems problems = new Problems();
        Optional<Scenario> s = parse(source, text, problems);
        problems.throwIfAny();
        return s.orElseThrow();
    }

    private String display(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : f.toString();
    }

    private static void checkUniqueIds(List<Scenario> scenarios, Problems problems) {
        Map<String, Scenario> seen = new HashMap<>();
        for (Scenario s : scenarios) {
            Scenario first = seen.putIfAbsent(s.id(), s);
            if (first != null) {
                problems.add(s.at().source(), s.at().line(), s.at().column(),
                        "duplicate scenario id '" + s.id() + "', already used at " + first.at());
            }
        }
    }

    /** A value quoted for a message, cut after {@link #SHOWN_CHARS} characters. */
    private static String shown(String value) {
        return value.length() <= SHOWN_CHARS ? "'" + value + "'" : "'" + value.substring(0, SHOWN_CHARS) + "...'";
    }

    // ---- one file ---------------------------------------------------------------------------

    private Optional<Scenario> parse(String source, String text, Problems problems) {
        Optional<Node> node;
        try {
            node = YamlText.compose(source, text);
        } catch (BadInputException e) {
            problems.addAll(e);
            return Optional.empty();
        }
        if (node.isEmpty()) {
            problems.add(source, 1, 1, "empty file, expected a scenario (id, title, requirements, board, steps)");
            return Optional.empty();
        }
        Node root = node.get();
        Optional<Scenario> s = new FileReader(source, problems).scenario(root);
        s.ifPresent(scenario -> ScenarioLength.check(scenario, profile, problems));
        return s;
    }

    /** Reads one file's node tree, adding a problem for everything wrong and carrying on. */
    private final class FileReader {
        private final String source;
        private final Problems problems;
        private final ScenarioInput in;
        private final int before;

        FileReader(String source, Problems problems) {
            this.source = source;
            this.problems = problems;
            this.in = new ScenarioInput(source, problems, vocabulary);
            this.before = problems.size();
        }

        private void problem(Node at, String what) {
            in.problem(at, what);
        }

        private Position pos(Node n) {
            return in.pos(n);
        }

        Optional<Scenario> scenario(Node root) {
            Map<String, Node> top = mapping(root, "scenario", TOP_KEYS);
            if (top == null) {
                return Optional.empty();
            }
            String id = requiredScalar(root, top, "id", "scenario");
            if (id != null && id.length() > MAX_ID_CHARS) {
                problem(top.get("id"), "id " + shown(id) + " is " + id.length() + " characters long (allowed: at most "
                        + MAX_ID_CHARS + "; it names the scenario's trace file)");
            } else if (id != null && !ID.matcher(id).matches()) {
                problem(top.get("id"), "id " + shown(id) + " is not upper-case words joined by '-', e.g. INT-DOOR-003");
            }
            String title = requiredScalar(root, top, "title", "scenario");
            List<String> requirements = names(top.get("requirements"), "requirements", vocabulary.requirements(),
                    "requirement", "in test-scenarios/requirements.yaml");
            if (!top.containsKey("requirements")) {
                problem(root, "scenario has no 'requirements': name at least one from requirements.yaml");
            } else if (top.get("requirements") instanceof SequenceNode rs && rs.getValue().isEmpty()) {
                problem(top.get("requirements"), "'requirements' is empty: name at least one from requirements.yaml");
            }
            List<String> tags = names(top.get("tags"), "tags", null, "tag", null);
            Board board = board(requiredScalar(root, top, "board", "scenario"), top.get("board"));
            boolean emulateOther = false;
            if (top.containsKey("other_board")) {
                String other = scalar(top.get("other_board"), "other_board");
                if ("emulated".equals(other)) {
                    emulateOther = true;
                } else if (other != null && !"modelled".equals(other)) {
                    problem(top.get("other_board"), "other_board '" + other + "' is not allowed, use modelled or emulated");
                }
            }
            Technique technique = top.containsKey("technique") ? technique(top.get("technique")) : null;
            if (technique != null && board != null && !Boards.of(board).takesTechnique()) {
                problem(top.get("technique"), "a technique applies to " + techniqueBoards() + ", not to board " + board);
            }
            List<String> catches = names(top.get("catches"), "catches", vocabulary.defects(), "defect", "of the emulator");
            Limit limit = top.containsKey("limit") ? scenarioLimit(top.get("limit")) : null;
            Scenario.Repeat repeat = top.containsKey("repeat") ? RepeatReader.repeat(in, top.get("repeat")) : Scenario.Repeat.ONCE;
            Scenario.Sweep sweep = top.containsKey("sweep") ? RepeatReader.sweep(in, top.get("sweep"), this::technique, profile) : null;
            List<Step> steps = new ArrayList<>();
            Node stepsNode = top.get("steps");
            if (stepsNode == null) {
                problem(root, "scenario has no 'steps'");
            } else if (!(stepsNode instanceof SequenceNode seq)) {
                problem(stepsNode, "'steps' must be a list of steps");
            } else {
                if (seq.getValue().isEmpty()) {
                    problem(stepsNode, "'steps' is empty");
                }
                for (Node s : seq.getValue()) {
                    Step step = step(s);
                    if (step != null) {
                        steps.add(step);
                    }
                }
            }
            List<Invariant> always = new ArrayList<>();
            Node alwaysNode = top.get("always");
            if (alwaysNode instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    Invariant inv = invariant(n);
                    if (inv != null) {
                        always.add(inv);
                    }
                }
            } else if (alwaysNode != null) {
                problem(alwaysNode, "'always' must be a list of invariants (- never: ...)");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Scenario(id, title, requirements, tags, board, emulateOther, technique, catches,
                    steps, always, source, pos(root), limit, pos(top.get("board")), repeat, sweep));
        }

        /** {@code limit: 2h}: an upper bound above 0, a duration or a profile limit (or a sum), not a window. */
        private Limit scenarioLimit(Node n) {
            if (n instanceof SequenceNode) {
                problem(n, "'limit' is how long the scenario may run, one duration (e.g. 7200s), not a window");
                return null;
            }
            String s = scalar(n, "'limit'");
            Limit l = s == null ? null : limitText(n, s, "'limit'");
            if (l != null && l.max() instanceof Limit.Fixed f && f.nanos() <= 0) {
                problem(n, "'limit': " + s.trim() + " is not above 0");
                return null;
            }
            return l;
        }

        private Technique technique(Node n) {
            Map<String, Node> m = mapping(n, "technique", List.of("kv", "ma", "ms"));
            if (m == null) {
                return null;
            }
            Double kv = number(n, m, "kv", "technique");
            Double ma = number(n, m, "ma", "technique");
            Double ms = number(n, m, "ms", "technique");
            return kv == null || ma == null || ms == null ? null : new Technique(kv, ma, ms);
        }

        private Double number(Node parent, Map<String, Node> m, String key, String what) {
            Node n = m.get(key);
            if (n == null) {
                return in.missing(parent, what, key);
            }
            String s = scalar(n, what + " '" + key + "'");
            if (s == null) {
                return null;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                problem(n, what + " '" + key + "': '" + s + "' is not a number");
                return null;
            }
        }

        // ---- steps ----

        private Step step(Node n) {
            if (!(n instanceof MappingNode m) || m.getValue().size() != 1) {
                problem(n, "a step is one of " + StepKeywords.words() + " with its value, e.g. '- wait: 100ms'");
                return null;
            }
            NodeTuple t = m.getValue().get(0);
            String key = in.keyName(t.getKeyNode());
            if (key == null) {
                return null;
            }
            StepKeyword keyword = StepKeywords.of(key);
            if (keyword == null) {
                problem(t.getKeyNode(), "unknown step '" + key + "', allowed: " + StepKeywords.words());
                return null;
            }
            return keyword.parse(in, pos(t.getKeyNode()), t.getValueNode());
        }










        // ---- invariants ----

        private Invariant invariant(Node n) {
            Map<String, Node> m = mapping(n, "invariant", INVARIANT);
            if (m == null) {
                return null;
            }
            Node v = m.get("never");
            if (v == null) {
                problem(n, "an invariant reads '- never: XRAY_ON active while DOOR_CLOSED inactive [for more than 2ms]'");
                return null;
            }
            String text = scalar(v, "invariant 'never'");
            Node longerThan = m.get("longer_than");
            String longerText = longerThan == null ? null : scalar(longerThan, "invariant 'longer_than'");
            if (text == null || longerThan != null && longerText == null) {
                return null;
            }
            YamlInput input = problems.input(source);
            NeverClause clause;
            try {
                clause = NeverText.parse(text, offset -> input.position((ScalarNode) v, offset));
            } catch (BadInputException e) {
                problem(v, "invariant 'never': " + e.located().get(0).message());
                return null;
            }
            int before = problems.size();
            for (NeverClause.Term t : clause.whileTerm() == null ? List.of(clause.first())
                    : List.of(clause.first(), clause.whileTerm())) {
                if (!vocabulary.isObservable(t.signal())) {
                    java.util.TreeSet<String> all = new java.util.TreeSet<>(vocabulary.outputs());
                    all.addAll(vocabulary.inputs());
                    input.problem(t.at(), "invariant: unknown signal '" + t.signal() + "', allowed: " + String.join(", ", all));
                }
            }
            Limit tolerance = null;
            if (clause.toleranceText() != null && longerThan != null) {
                problem(longerThan, "invariant: 'longer_than' and 'for more than " + clause.toleranceText()
                        + "' in 'never' are one tolerance given twice (write one of them)");
            } else if (clause.toleranceText() != null) {
                tolerance = limitText(v, clause.toleranceText(), "invariant");
            } else if (longerThan != null) {
                tolerance = limitText(longerThan, longerText, "invariant 'longer_than'");
            }
            if (problems.size() > before) {
                return null;
            }
            NeverClause.Term second = clause.whileTerm();
            return new Invariant(pos(v), clause.first().signal(), LineState.of(clause.first().level() == Level.HIGH),
                    second == null ? null : second.signal(), second == null ? null : LineState.of(second.level() == Level.HIGH),
                    tolerance, longerThan == null ? text.trim() : text.trim() + " for more than " + longerText.trim());
        }

        // ---- pieces ----








        private Limit limitText(Node at, String s, String what) {
            return in.limitText(at, s, what);
        }







        /** The board a scenario names, or null (with a problem at {@code at} when it names none of them). */
        private Board board(String name, Node at) {
            if (name == null) {
                return null;
            }
            for (Board b : Board.values()) {
                if (b.name().equals(name)) {
                    return b;
                }
            }
            problem(at, "board '" + name + "' is not a board, allowed: "
                    + String.join(", ", Stream.of(Board.values()).map(Board::name).toList()));
            return null;
        }

        private String requiredScalar(Node parent, Map<String, Node> m, String key, String what) {
            Node n = m.get(key);
            if (n == null) {
                return in.missing(parent, what, key);
            }
            return scalar(n, "'" + key + "'");
        }

        private List<String> names(Node n, String key, Set<String> allowed, String kind, String where) {
            return problems.input(source).names(n, key, allowed, kind, where);
        }

        private String scalar(Node n, String what) {
            return in.scalar(n, what);
        }



        private Map<String, Node> mapping(Node n, String what, List<String> allowed) {
            return in.mapping(n, what, allowed);
        }

    }

    /** The boards a technique applies to, for messages: {@code the generator (board GEN)}. */
    private static String techniqueBoards() {
        List<String> names = new ArrayList<>();
        for (BoardDefinition d : Boards.all()) {
            if (d.takesTechnique()) {
                names.add(d.title() + " (board " + d.board() + ")");
            }
        }
        return String.join(" or ", names);
    }
}
