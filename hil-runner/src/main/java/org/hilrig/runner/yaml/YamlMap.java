package org.hilrig.runner.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The known keys of one YAML mapping, each once, in file order, as {@link YamlInput#mapping} read them;
 * with the mapping's node and what messages call it ({@code rule 'DOOR-HV'}, {@code serial}), so a
 * missing key is reported at the mapping in the one shape. Immutable.
 */
public final class YamlMap {
    private final MappingNode node;
    private final String what;
    private final Map<String, NodeTuple> entries;

    YamlMap(MappingNode node, String what, LinkedHashMap<String, NodeTuple> entries) {
        this.node = node;
        this.what = what;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The mapping's node: where a missing key is reported. */
    public MappingNode node() {
        return node;
    }

    /** What messages call the mapping. */
    public String what() {
        return what;
    }

    /** The key and value written for {@code key}, or null when it is not there. */
    public NodeTuple get(String key) {
        return entries.get(key);
    }

    /** The value written for {@code key}, or null when it is not there. */
    public Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    /** Every known key with its value node, in file order. */
    public Map<String, Node> values() {
        Map<String, Node> out = new LinkedHashMap<>();
        entries.forEach((k, t) -> out.put(k, t.getValueNode()));
        return out;
    }
}
