package org.hilrig.runner.scenario;

import org.hilrig.device.profile.Board;
import org.hilrig.runner.yaml.YamlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Durations;
import org.hilrig.timing.RigFailureException;
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
            "technique", "catches", "limit", "steps", "always");
    private static final List<String> STEP_KEYS = List.of("set", "wait", "fault", "await", "expect", "expect_event",
            "expect_no_event", "send", "heartbeat");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    /** An id names its trace file ({@code traces/<id>.vcd}) and a line of every report: a short name. */
    static final int MAX_ID_CHARS = 64;
    /** Messages show at most this many characters of a value. */
    private static final int SHOWN_CHARS = 40;
    private static final Pattern INVARIANT = Pattern.compile(
            "\\s*(\\w+)\\s+(active|inactive)(?:\\s+while\\s+(\\w+)\\s+(active|inactive))?(?:\\s+for\\s+more\\s+than\\s+(\\S+))?\\s*");
    private static final Pattern ANCHOR = Pattern.compile("\\s*(\\w+)\\s+(active|inactive)\\s*");
    /** The operator between the terms of a limit sum: {@code 500ms + profile.limits.comms_loss_margin}. */
    private static final Pattern SUM = Pattern.compile("\\s+([+-])\\s+");
    private static final Pattern NAK = Pattern.compile("NAK\\s+(\\w+)");

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
        private final int before;

        FileReader(String source, Problems problems) {
            this.source = source;
            this.problems = problems;
            this.before = problems.size();
        }

        private void problem(Node at, String what) {
            problems.add(source, at, what);
        }

        private Position pos(Node n) {
            return n.getStartMark().map(m -> new Position(source, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(new Position(source, 0, 0));
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
            if (technique != null && board != null && board != Board.GEN) {
                problem(top.get("technique"), "a technique applies to the generator (board GEN), not to board " + board);
            }
            List<String> catches = names(top.get("catches"), "catches", vocabulary.defects(), "defect", "of the emulator");
            Limit limit = top.containsKey("limit") ? scenarioLimit(top.get("limit")) : null;
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
                    steps, always, source, pos(root), limit));
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
                problem(parent, what + " has no '" + key + "'");
                return null;
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
                problem(n, "a step is one of " + String.join(", ", STEP_KEYS) + " with its value, e.g. '- wait: 100ms'");
                return null;
            }
            NodeTuple t = m.getValue().get(0);
            String key = keyName(t.getKeyNode());
            Node v = t.getValueNode();
            Position at = pos(t.getKeyNode());
            if (key == null) {
                return null;
            }
            return switch (key) {
                case "set" -> set(at, v);
                case "wait" -> {
                    Long d = duration(v, "step 'wait'");
                    yield d == null ? null : new Step.Wait(at, d);
                }
                case "fault" -> fault(at, v);
                case "await" -> await(at, v);
                case "expect" -> expect(at, v);
                case "expect_event" -> expectEvent(at, v);
                case "expect_no_event" -> noEvent(at, v);
                case "send" -> send(at, v);
                case "heartbeat" -> heartbeat(at, v);
                default -> {
                    problem(t.getKeyNode(), "unknown step '" + key + "', allowed: " + String.join(", ", STEP_KEYS));
                    yield null;
                }
            };
        }

        private Step set(Position at, Node v) {
            if (!(v instanceof MappingNode m) || m.getValue().isEmpty()) {
                problem(v, "step 'set' takes lines and states, e.g. {PREP_REQ: active}");
                return null;
            }
            Map<String, LineState> lines = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String line = keyName(t.getKeyNode());
                if (line == null) {
                    continue;
                }
                if (!vocabulary.inputs().contains(line)) {
                    problem(t.getKeyNode(), "step 'set': unknown input line '" + line + "', allowed: "
                            + String.join(", ", vocabulary.inputs()));
                }
                LineState st = state(t.getValueNode(), "step 'set' " + line);
                if (lines.put(line, st) != null) {
                    problem(t.getKeyNode(), "step 'set': line '" + line + "' is set twice");
                }
            }
            return new Step.Set(at, lines);
        }

        private Step fault(Position at, Node v) {
            String name;
            Map<String, String> params = new LinkedHashMap<>();
            Node nameNode = v;
            if (v instanceof ScalarNode s) {
                name = s.getValue();
            } else if (v instanceof MappingNode m) {
                Map<String, Node> map = mapping(v, "step 'fault'", null);
                nameNode = map.get("name");
                if (nameNode == null) {
                    problem(v, "step 'fault' has no 'name'");
                    return null;
                }
                name = scalar(nameNode, "step 'fault' name");
                for (NodeTuple t : m.getValue()) {
                    String k = keyName(t.getKeyNode());
                    if (k != null && !k.equals("name")) {
                        String val = scalar(t.getValueNode(), "step 'fault' parameter '" + k + "'");
                        if (val != null) {
                            params.put(k, val);
                        }
                    }
                }
            } else {
                problem(v, "step 'fault' takes a fault name or {name: ..., parameter: value}");
                return null;
            }
            if (name != null && !vocabulary.faults().containsKey(name)) {
                problem(nameNode, "step 'fault': unknown fault '" + name + "', allowed: " + String.join(", ", vocabulary.faults().keySet()));
            } else if (name != null && v instanceof MappingNode m) {
                java.util.Set<String> allowed = vocabulary.faults().get(name);
                for (NodeTuple t : m.getValue()) {
                    String k = keyName(t.getKeyNode());
                    if (k != null && !k.equals("name") && !allowed.contains(k)) {
                        problem(t.getKeyNode(), "step 'fault': " + name + " has no parameter '" + k + "', allowed: "
                                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
                    }
                }
            }
            return new Step.Fault(at, name, params);
        }

        private Step await(Position at, Node v) {
            Map<String, Node> m = mapping(v, "step 'await'", List.of("signal", "is", "within", "measure"));
            if (m == null) {
                return null;
            }
            String signal = signal(v, m, "step 'await'");
            LineState st = m.containsKey("is") ? state(m.get("is"), "step 'await' 'is'") : missing(v, "step 'await'", "is");
            Limit within = m.containsKey("within") ? limit(m.get("within"), "step 'await'") : missing(v, "step 'await'", "within");
            return new Step.Await(at, signal, st, within, optionalScalar(m, "measure", "step 'await'"));
        }

        private Step expect(Position at, Node v) {
            Map<String, Node> m = mapping(v, "step 'expect'", List.of("signal", "becomes", "within", "from", "measure", "stays", "for"));
            if (m == null) {
                return null;
            }
            String signal = signal(v, m, "step 'expect'");
            if (m.containsKey("stays")) {
                for (String k : List.of("becomes", "within", "from", "measure")) {
                    if (m.containsKey(k)) {
                        problem(m.get(k), "step 'expect' with 'stays' takes 'for', not '" + k + "'");
                    }
                }
                LineState st = state(m.get("stays"), "step 'expect' 'stays'");
                Long forNanos = m.containsKey("for") ? duration(m.get("for"), "step 'expect' 'for'") : missing(v, "step 'expect'", "for");
                return forNanos == null ? null : new Step.Hold(at, signal, st, forNanos);
            }
            if (m.containsKey("for")) {
                problem(m.get("for"), "step 'expect' takes 'for' only with 'stays'");
            }
            LineState st = m.containsKey("becomes") ? state(m.get("becomes"), "step 'expect' 'becomes'")
                    : missing(v, "step 'expect'", "becomes (or stays)");
            Limit within = m.containsKey("within") ? limit(m.get("within"), "step 'expect'") : missing(v, "step 'expect'", "within");
            return new Step.Expect(at, signal, st, within, anchor(m.get("from"), "step 'expect'"),
                    optionalScalar(m, "measure", "step 'expect'"));
        }

        private Step expectEvent(Position at, Node v) {
            Map<String, Node> m = mapping(v, "step 'expect_event'", List.of("name", "fields", "within", "from", "measure"));
            if (m == null) {
                return null;
            }
            String name = event(v, m, "step 'expect_event'");
            Map<String, String> fields = fields(m.get("fields"), "step 'expect_event'");
            Limit within = m.containsKey("within") ? limit(m.get("within"), "step 'expect_event'")
                    : missing(v, "step 'expect_event'", "within");
            return new Step.ExpectEvent(at, name, fields, within, anchor(m.get("from"), "step 'expect_event'"),
                    optionalScalar(m, "measure", "step 'expect_event'"));
        }

        private Step noEvent(Position at, Node v) {
            Map<String, Node> m = mapping(v, "step 'expect_no_event'", List.of("name", "fields", "for"));
            if (m == null) {
                return null;
            }
            String name = event(v, m, "step 'expect_no_event'");
            Map<String, String> fields = fields(m.get("fields"), "step 'expect_no_event'");
            Long forNanos = m.containsKey("for") ? duration(m.get("for"), "step 'expect_no_event' 'for'")
                    : missing(v, "step 'expect_no_event'", "for");
            return forNanos == null ? null : new Step.NoEvent(at, name, fields, forNanos);
        }

        private Step send(Position at, Node v) {
            Map<String, Node> m = mapping(v, "step 'send'",
                    List.of("command", "args", "raw", "again", "corrupt", "copies", "reply", "fields", "within", "measure"));
            if (m == null) {
                return null;
            }
            String command = null;
            String raw = null;
            int kinds = (m.containsKey("command") ? 1 : 0) + (m.containsKey("raw") ? 1 : 0) + (m.containsKey("again") ? 1 : 0);
            if (kinds != 1) {
                problem(v, "step 'send' takes one of 'command', 'raw' or 'again'");
            }
            boolean again = false;
            if (m.containsKey("again")) {
                String a = scalar(m.get("again"), "step 'send' 'again'");
                again = "true".equals(a);
                if (!again) {
                    problem(m.get("again"), "step 'send' 'again': '" + a + "' is not allowed, write 'again: true'");
                }
                if (m.containsKey("args")) {
                    problem(m.get("args"), "step 'send' with 'again' repeats the previous frame: it takes no 'args'");
                }
            }
            if (m.containsKey("command")) {
                command = scalar(m.get("command"), "step 'send' 'command'");
                if (command != null && !vocabulary.commands().contains(command)) {
                    problem(m.get("command"), "step 'send': unknown command '" + command + "', allowed: "
                            + String.join(", ", vocabulary.commands()) + " (use 'raw' to send an unknown one on purpose)");
                }
            } else if (m.containsKey("raw")) {
                raw = scalar(m.get("raw"), "step 'send' 'raw'");
                if (raw != null && !raw.matches("[A-Z]{3}")) {
                    problem(m.get("raw"), "step 'send' 'raw': '" + raw + "' is not a command name of 3 upper-case letters");
                }
            }
            List<String> args = new ArrayList<>();
            Node argsNode = m.get("args");
            if (argsNode instanceof SequenceNode seq) {
                for (Node a : seq.getValue()) {
                    String s = scalar(a, "step 'send' argument");
                    if (s != null) {
                        args.add(s);
                    }
                }
            } else if (argsNode != null) {
                String s = scalar(argsNode, "step 'send' 'args'");
                if (s != null) {
                    args.add(s);
                }
            }
            Step.Corruption corruption = Step.Corruption.NONE;
            if (m.containsKey("corrupt")) {
                String c = scalar(m.get("corrupt"), "step 'send' 'corrupt'");
                if ("crc".equals(c)) {
                    corruption = Step.Corruption.CRC;
                } else if ("truncated".equals(c)) {
                    corruption = Step.Corruption.TRUNCATED;
                } else if (c != null) {
                    problem(m.get("corrupt"), "step 'send' 'corrupt': '" + c + "' is not allowed, use crc or truncated");
                }
            }
            int copies = 1;
            if (m.containsKey("copies")) {
                String c = scalar(m.get("copies"), "step 'send' 'copies'");
                try {
                    copies = Integer.parseInt(c == null ? "" : c);
                    if (copies < 1 || copies > 100_000) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problem(m.get("copies"), "step 'send' 'copies': '" + c + "' is not a count from 1 to 100000");
                }
            }
            Step.Reply reply = new Step.Reply(corruption == Step.Corruption.NONE ? Step.Reply.Kind.ACK : Step.Reply.Kind.NONE, null);
            if (m.containsKey("reply")) {
                reply = reply(m.get("reply"));
            }
            Map<String, String> fields = fields(m.get("fields"), "step 'send'");
            Limit within = m.containsKey("within") ? limit(m.get("within"), "step 'send'") : null;
            return new Step.Send(at, command, args, raw, again, corruption, copies, reply, fields, within,
                    optionalScalar(m, "measure", "step 'send'"));
        }

        private Step.Reply reply(Node n) {
            String r = scalar(n, "step 'send' 'reply'");
            if (r == null) {
                return null;
            }
            if (r.equals("ACK")) {
                return new Step.Reply(Step.Reply.Kind.ACK, null);
            }
            if (r.equals("none")) {
                return new Step.Reply(Step.Reply.Kind.NONE, null);
            }
            if (r.equals("unchecked")) {
                return new Step.Reply(Step.Reply.Kind.UNCHECKED, null);
            }
            Matcher nak = NAK.matcher(r.trim());
            if (nak.matches()) {
                if (!vocabulary.nakCodes().contains(nak.group(1))) {
                    problem(n, "step 'send' 'reply': unknown NAK code '" + nak.group(1) + "', allowed: "
                            + String.join(", ", vocabulary.nakCodes()));
                }
                return new Step.Reply(Step.Reply.Kind.NAK, nak.group(1));
            }
            problem(n, "step 'send' 'reply': '" + r + "' is not a reply, use ACK, NAK <code> (e.g. NAK 03), none or unchecked");
            return null;
        }

        private Step heartbeat(Position at, Node v) {
            Map<String, Node> m = mapping(v, "step 'heartbeat'", List.of("every", "for"));
            if (m == null) {
                return null;
            }
            Long every = m.containsKey("every") ? duration(m.get("every"), "step 'heartbeat' 'every'") : missing(v, "step 'heartbeat'", "every");
            Long forNanos = m.containsKey("for") ? duration(m.get("for"), "step 'heartbeat' 'for'") : missing(v, "step 'heartbeat'", "for");
            if (every != null && every <= 0) {
                problem(m.get("every"), "step 'heartbeat' 'every': must be above 0");
                return null;
            }
            return every == null || forNanos == null ? null : new Step.Heartbeat(at, every, forNanos);
        }

        // ---- invariants ----

        private Invariant invariant(Node n) {
            Map<String, Node> m = mapping(n, "invariant", List.of("never"));
            if (m == null) {
                return null;
            }
            Node v = m.get("never");
            if (v == null) {
                problem(n, "an invariant reads '- never: XRAY_ON active while DOOR_CLOSED inactive [for more than 2ms]'");
                return null;
            }
            String text = scalar(v, "invariant 'never'");
            if (text == null) {
                return null;
            }
            Matcher x = INVARIANT.matcher(text);
            if (!x.matches()) {
                problem(v, "invariant '" + text + "' does not read 'SIGNAL active|inactive [while SIGNAL active|inactive]"
                        + " [for more than DURATION]'");
                return null;
            }
            observable(v, x.group(1), "invariant");
            if (x.group(3) != null) {
                observable(v, x.group(3), "invariant");
            }
            Limit tolerance = null;
            if (x.group(5) != null) {
                tolerance = limitText(v, x.group(5), "invariant");
            }
            return new Invariant(pos(v), x.group(1), LineState.parse(x.group(2)), x.group(3),
                    x.group(4) == null ? null : LineState.parse(x.group(4)), tolerance, text.trim());
        }

        // ---- pieces ----

        private Step.Anchor anchor(Node n, String what) {
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

        private String signal(Node parent, Map<String, Node> m, String what) {
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

        private void observable(Node at, String line, String what) {
            if (!vocabulary.isObservable(line)) {
                java.util.TreeSet<String> all = new java.util.TreeSet<>(vocabulary.outputs());
                all.addAll(vocabulary.inputs());
                problem(at, what + ": unknown signal '" + line + "', allowed: " + String.join(", ", all));
            }
        }

        private String event(Node parent, Map<String, Node> m, String what) {
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

        private Map<String, String> fields(Node n, String what) {
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
                String v = scalar(t.getValueNode(), what + " field '" + k + "'");
                if (k != null && v != null) {
                    if (out.put(k, v) != null) {
                        problem(t.getKeyNode(), what + ": field '" + k + "' is given twice");
                    }
                }
            }
            return out;
        }

        private LineState state(Node n, String what) {
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

        private Limit limit(Node n, String what) {
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

        private Limit limitText(Node at, String s, String what) {
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

        private Long duration(Node n, String what) {
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

        private <T> T missing(Node parent, String what, String key) {
            problem(parent, what + " has no '" + key + "'");
            return null;
        }

        private String optionalScalar(Map<String, Node> m, String key, String what) {
            Node n = m.get(key);
            return n == null ? null : scalar(n, what + " '" + key + "'");
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
                problem(parent, what + " has no '" + key + "'");
                return null;
            }
            return scalar(n, "'" + key + "'");
        }

        private List<String> names(Node n, String key, Set<String> allowed, String kind, String where) {
            List<String> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            List<Node> items;
            if (n instanceof SequenceNode seq) {
                items = seq.getValue();
            } else {
                items = List.of(n);
            }
            for (Node item : items) {
                String s = scalar(item, "'" + key + "'");
                if (s == null) {
                    continue;
                }
                if (allowed != null && !allowed.contains(s)) {
                    problem(item, "unknown " + kind + " '" + s + "'" + (where == null ? "" : " " + where)
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
        private String allowedText(Set<String> allowed, String bad) {
            if (allowed.size() <= 20) {
                return "allowed: " + String.join(", ", allowed);
            }
            int dash = bad.lastIndexOf('-');
            String group = dash > 0 ? bad.substring(0, dash + 1) : bad;
            List<String> near = allowed.stream().filter(a -> a.startsWith(group)).toList();
            return near.isEmpty() ? allowed.size() + " known" : "known in " + group + "*: " + String.join(", ", near);
        }

        private String scalar(Node n, String what) {
            if (n instanceof ScalarNode s) {
                return s.getValue();
            }
            problem(n, what + " must be a single value, found a " + (n instanceof SequenceNode ? "list" : "mapping"));
            return null;
        }

        private String keyName(Node key) {
            return scalar(key, "a key");
        }

        /** The mapping's entries by key, with unknown and duplicate keys reported; null when not a mapping. */
        private Map<String, Node> mapping(Node n, String what, List<String> allowed) {
            if (!(n instanceof MappingNode m)) {
                problem(n, what + " must be a mapping of keys to values"
                        + (allowed == null ? "" : " (" + String.join(", ", allowed) + ")"));
                return null;
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String k = keyName(t.getKeyNode());
                if (k == null) {
                    continue;
                }
                if (allowed != null && !allowed.contains(k)) {
                    problem(t.getKeyNode(), "unknown key '" + k + "' in " + what + ", allowed: " + String.join(", ", allowed));
                    continue;
                }
                if (out.putIfAbsent(k, t.getValueNode()) != null) {
                    problem(t.getKeyNode(), "key '" + k + "' appears twice in " + what);
                }
            }
            return out;
        }
    }
}
