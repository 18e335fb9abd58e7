package org.hilrig.runner.scenario;

import org.hilrig.runner.yaml.YamlText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hilrig.timing.BadInputException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The requirement list ({@code test-scenarios/requirements.yaml}):
 *
 * <pre>
 * requirements:
 *   - id: REQ-ILK-001
 *     text: Opening the door during an exposure removes high voltage within the profile limit.
 *     standard: IEC 60601-2-54, interlocks     # optional
 * </pre>
 *
 * Immutable once loaded.
 */
public final class RequirementCatalog {
    private static final Pattern ID = Pattern.compile("REQ-[A-Z0-9]+-[0-9]{3}");
    private final Map<String, Requirement> byId;

    private RequirementCatalog(Map<String, Requirement> byId) {
        this.byId = byId;
    }

    /**
     * Reads and validates a requirement file.
     *
     * @throws BadInputException with every problem (unknown keys, missing text, bad or duplicate ids)
     */
    public static RequirementCatalog load(Path file) {
        return parse(file.toString(), YamlText.read(file, file.toString()));
    }

    /** Parses requirement-list text; {@code source} names it in messages. */
    public static RequirementCatalog parse(String source, String text) {
        Problems problems = new Problems();
        Map<String, Requirement> out = new LinkedHashMap<>();
        Optional<Node> root = YamlText.compose(source, text);
        Node list = null;
        if (root.isPresent() && root.get() instanceof MappingNode m && m.getValue().size() == 1
                && m.getValue().get(0).getKeyNode() instanceof ScalarNode k && k.getValue().equals("requirements")) {
            list = m.getValue().get(0).getValueNode();
        }
        if (!(list instanceof SequenceNode seq)) {
            problems.add(source, root.orElse(null), "expected 'requirements:' with a list of {id, text, standard}");
            problems.throwIfAny();
            return null;
        }
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                problems.add(source, item, "a requirement is a mapping with id, text and optionally standard");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (!List.of("id", "text", "standard").contains(k)) {
                    problems.add(source, t.getKeyNode(), "unknown key '" + k + "' in requirement, allowed: id, text, standard");
                } else if (!(t.getValueNode() instanceof ScalarNode v)) {
                    problems.add(source, t.getValueNode(), "requirement '" + k + "' must be a single value");
                } else if (fields.put(k, v.getValue()) != null) {
                    problems.add(source, t.getKeyNode(), "key '" + k + "' appears twice in requirement");
                }
            }
            String id = fields.get("id");
            if (id == null || !ID.matcher(id).matches()) {
                problems.add(source, item, "requirement id " + (id == null ? "missing" : "'" + id + "' is not like REQ-ILK-001"));
                continue;
            }
            if (fields.get("text") == null || fields.get("text").isBlank()) {
                problems.add(source, item, "requirement " + id + " has no text");
            }
            if (out.put(id, new Requirement(id, fields.get("text"), fields.get("standard"))) != null) {
                problems.add(source, item, "duplicate requirement id '" + id + "'");
            }
        }
        problems.throwIfAny();
        return new RequirementCatalog(java.util.Collections.unmodifiableMap(out));
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    /** The requirement with this id, or null. */
    public Requirement get(String id) {
        return byId.get(id);
    }

    /** Every requirement, in the list's order. */
    public List<Requirement> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
