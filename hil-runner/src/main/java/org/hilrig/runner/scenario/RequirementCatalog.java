package org.hilrig.runner.scenario;

import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.runner.yaml.YamlMap;
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
    private static final List<String> KEYS = List.of("id", "text", "standard");
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
        YamlInput input = new YamlInput(source);
        Map<String, Requirement> out = new LinkedHashMap<>();
        Optional<Node> root = input.compose(text);
        Node list = null;
        if (root.isPresent() && root.get() instanceof MappingNode m && m.getValue().size() == 1
                && m.getValue().get(0).getKeyNode() instanceof ScalarNode k && k.getValue().equals("requirements")) {
            list = m.getValue().get(0).getValueNode();
        }
        if (!(list instanceof SequenceNode seq)) {
            input.problem(root.orElse(null), "expected 'requirements:' with a list of {id, text, standard}");
            input.throwIfAny();
            return null;
        }
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode)) {
                input.problem(item, "a requirement is a mapping with id, text and optionally standard");
                continue;
            }
            YamlMap m = input.mapping(item, "requirement", KEYS);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String k : KEYS) {
                if (m.containsKey(k)) {
                    String v = input.scalar(m.value(k), "requirement '" + k + "'");
                    if (v != null) {
                        fields.put(k, v);
                    }
                }
            }
            String id = fields.get("id");
            if (id == null) {
                if (!m.containsKey("id")) {
                    input.missing(item, "id", "requirement");
                }
                continue;
            }
            if (!ID.matcher(id).matches()) {
                input.problem(item, "requirement id '" + id + "' is not like REQ-ILK-001");
                continue;
            }
            if (fields.get("text") == null || fields.get("text").isBlank()) {
                input.problem(item, "requirement " + id + " has no text");
            }
            if (out.put(id, new Requirement(id, fields.get("text"), fields.get("standard"))) != null) {
                input.problem(item, "duplicate requirement id '" + id + "'");
            }
        }
        input.throwIfAny();
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
