package org.hilrig.runner.profile;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hilrig.device.board.Boards;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.device.profile.Spread;
import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.runner.yaml.YamlText;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a board profile ({@code fixtures/boards/*.yaml}) into a {@link BoardProfile}. The file is a mapping
 * with {@code board: GEN|TUB} and nested sections whose dotted paths are the keys of {@link
 * org.hilrig.device.profile.ProfileKey} ({@code mcu: {tick: 1ms}} is {@code mcu.tick}), a {@code units:} section of
 * unit-to-unit spreads and, for a generator, a {@code techniques:} section of technique tables ({@link TechniqueTables}).
 *
 * <p>The whole file is validated and every problem reported, each as {@code file:line:col: what, found vs
 * allowed}, in one {@link BadInputException}. Stateless and thread-safe.
 */
public final class BoardProfileLoader {
    /** What messages call the file. */
    private static final String WHAT = "the board profile";
    /** The section of the components' unit-to-unit spreads. */
    private static final String UNITS = "units.";

    private BoardProfileLoader() {
    }

    /**
     * Loads and validates a profile file.
     *
     * @throws BadInputException listing every problem with its position, or when the file is missing or
     *     beyond the {@link YamlText} caps
     * @throws RigFailureException when the file cannot be read (an I/O error)
     */
    public static BoardProfile load(Path file) {
        return parse(file.toString(), YamlText.read(file, file.toString()));
    }

    /** Parses profile text; {@code source} names it in messages. */
    public static BoardProfile parse(String source, String text) {
        YamlInput input = new YamlInput(source);
        Node root = input.compose(text).orElse(null);
        if (!(root instanceof MappingNode top)) {
            throw new BadInputException(source, root == null ? 1 : line(root), root == null ? 1 : col(root),
                    "a board profile is a mapping with 'board' and sections, found "
                            + (root == null ? "an empty file" : YamlInput.describe(root)));
        }
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Node> where = new LinkedHashMap<>();
        Board board = null;
        Node firstBoard = null;
        for (NodeTuple t : top.getValue()) {
            if ("board".equals(scalar(t.getKeyNode()))) {
                if (firstBoard != null) {
                    // flatten() checks every other key; 'board' is read here, so its twin is caught here
                    input.problem(t.getKeyNode(), "key 'board' appears twice in " + WHAT + " (first at line "
                            + line(firstBoard) + ")");
                    continue;
                }
                firstBoard = t.getKeyNode();
                board = input.enumValue(t.getValueNode(), "'board'", Board.class, Enum::name);
            }
        }
        if (firstBoard == null) {
            input.problem(top, "missing key 'board' in " + WHAT + " (allowed: "
                    + YamlInput.allowed(Board.class, Enum::name) + ")");
        }
        TechniqueTables tables = new TechniqueTables(input);
        Node firstTables = null;
        for (NodeTuple t : top.getValue()) {
            if (TechniqueTables.SECTION.equals(scalar(t.getKeyNode()))) {
                if (firstTables != null) {
                    input.problem(t.getKeyNode(), "key '" + TechniqueTables.SECTION + "' appears twice in " + WHAT
                            + " (first at line " + line(firstTables) + ")");
                    continue;
                }
                firstTables = t.getKeyNode();
                tables.read(t.getValueNode(), board);
            }
        }
        flatten(input, "", top, entries, where);
        Map<ProfileKey, Spread> spreads = spreads(input, board, entries, where);
        java.util.List<BoardProfile.Problem> problems = board == null ? java.util.List.of() : BoardProfile.check(
                Boards.of(board).profileSchema(), entries, path -> Boards.profileKey(path) != null);
        for (BoardProfile.Problem p : problems) {
            Node n = where.get(p.path());
            input.problem(n == null ? top : n, p.message());
        }
        // the tables are checked against the technique ranges whenever those are sound, so that a file with problems
        // elsewhere too reports all of them at once
        boolean ranges = board != null && problems.stream().noneMatch(p -> p.path().startsWith("technique."));
        Map<String, org.hilrig.device.profile.TechniqueTable> techniques = !ranges ? Map.of()
                : tables.check(k -> Double.parseDouble(entries.get(k.path()).trim()));
        input.throwIfAny();
        return BoardProfile.of(Boards.of(board).profileSchema(), entries).withSpreads(spreads).withTechniques(techniques);
    }

    /**
     * Takes the {@code units:} section out of the flat entries: each of its keys is a component's dotted
     * path, its value the spread a unit may lie within ({@link Spread}).
     */
    private static Map<ProfileKey, Spread> spreads(YamlInput input, Board board, Map<String, String> entries,
                                                   Map<String, Node> where) {
        Map<ProfileKey, Spread> spreads = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, String>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (!e.getKey().startsWith(UNITS)) {
                continue;
            }
            it.remove();
            Node n = where.get(e.getKey());
            String path = e.getKey().substring(UNITS.length());
            ProfileKey k = Boards.profileKey(path);
            if (k == null) {
                input.problem(n, "unknown profile key '" + path + "' in 'units'");
                continue;
            }
            String why = board == null ? null : BoardProfile.varianceProblem(Boards.of(board).profileSchema(), k);
            if (why != null) {
                input.problem(n, why);
                continue;
            }
            try {
                spreads.put(k, Spread.parse(k, e.getValue()));
            } catch (IllegalArgumentException bad) {
                input.problem(n, "units." + path + ": " + bad.getMessage());
            }
        }
        return spreads;
    }

    private static void flatten(YamlInput input, String prefix, MappingNode m, Map<String, String> out,
                                Map<String, Node> where) {
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null) {
                input.problem(t.getKeyNode(), "a key in " + WHAT + " must be a plain name, found "
                        + YamlInput.describe(t.getKeyNode()));
                continue;
            }
            if (prefix.isEmpty() && (key.equals("board") || key.equals(TechniqueTables.SECTION))) {
                continue;
            }
            String path = prefix + key;
            Node v = t.getValueNode();
            if (where.containsKey(path)) {
                input.problem(t.getKeyNode(), "key '" + path + "' appears twice in " + WHAT + " (first at line "
                        + line(where.get(path)) + ")");
                continue;
            }
            if (v instanceof MappingNode sub) {
                where.put(path, t.getKeyNode());
                flatten(input, path + ".", sub, out, where);
            } else if (v instanceof ScalarNode s) {
                where.put(path, v);
                out.put(path, s.getValue());
            } else {
                input.problem(v, "'" + path + "' must be a value or a section, found " + YamlInput.describe(v));
            }
        }
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int col(Node n) {
        return n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }
}
