package org.hilrig.runner.profile;

import org.hilrig.runner.yaml.YamlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a board profile ({@code fixtures/boards/*.yaml}) into a {@link BoardProfile}. The file is a mapping
 * with {@code board: GEN|TUB} and nested sections whose dotted paths are the keys of {@link
 * org.hilrig.device.profile.ProfileKey} ({@code mcu: {tick: 1ms}} is {@code mcu.tick}).
 *
 * <p>The whole file is validated and every problem reported, each as {@code file:line:col: what, found vs
 * allowed}, in one {@link BadInputException}. Stateless and thread-safe.
 */
public final class BoardProfileLoader {
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
        Node root = YamlText.compose(source, text).orElse(null);
        List<String> problems = new ArrayList<>();
        if (!(root instanceof MappingNode top)) {
            throw new BadInputException(source, root == null ? 1 : line(root), root == null ? 1 : col(root),
                    "a board profile is a mapping with 'board' and sections, found " + (root == null ? "an empty file" : "a " + root.getNodeType()));
        }
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Node> where = new LinkedHashMap<>();
        Board board = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode());
            if ("board".equals(key)) {
                if (board != null || !problems.isEmpty()) {
                    // flatten() checks every other key; 'board' is read here, so its twin is caught here
                    problems.add(at(source, t.getKeyNode(), "key 'board' appears twice"));
                    continue;
                }
                String v = scalar(t.getValueNode());
                try {
                    board = Board.valueOf(v == null ? "" : v);
                } catch (IllegalArgumentException e) {
                    problems.add(at(source, t.getValueNode(), "board '" + v + "' (allowed: GEN, TUB)"));
                }
            }
        }
        if (board == null && problems.isEmpty()) {
            problems.add(at(source, top, "missing 'board: GEN' or 'board: TUB'"));
        }
        flatten(source, "", top, entries, where, problems);
        if (board != null) {
            for (BoardProfile.Problem p : BoardProfile.check(board, entries)) {
                Node n = where.get(p.path());
                problems.add(n == null ? at(source, top, p.message()) : at(source, n, p.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return BoardProfile.of(board, entries);
    }

    private static void flatten(String source, String prefix, MappingNode m, Map<String, String> out,
                                Map<String, Node> where, List<String> problems) {
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null) {
                problems.add(at(source, t.getKeyNode(), "a key must be a plain name"));
                continue;
            }
            if (prefix.isEmpty() && key.equals("board")) {
                continue;
            }
            String path = prefix + key;
            Node v = t.getValueNode();
            if (where.containsKey(path)) {
                problems.add(at(source, t.getKeyNode(), "key '" + path + "' appears twice"));
                continue;
            }
            if (v instanceof MappingNode sub) {
                where.put(path, t.getKeyNode());
                flatten(source, path + ".", sub, out, where, problems);
            } else if (v instanceof ScalarNode s) {
                where.put(path, v);
                out.put(path, s.getValue());
            } else {
                problems.add(at(source, v, "'" + path + "' must be a value or a section, found a " + v.getNodeType()));
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

    private static String at(String source, Node n, String what) {
        return BadInputException.where(source, line(n), col(n)) + what;
    }
}
