package org.hilrig.runner.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.TechniqueTable;
import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.runner.yaml.YamlMap;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a profile's {@code techniques:} section: tables by name, each a list of two or more techniques
 * {@code {kv, ma, ms}} that the board can set (within its kV, mA and time ranges and its power rating). Problems go
 * to the file's input, each at its place.
 */
final class TechniqueTables {
    /** The section's key at the top of a profile. */
    static final String SECTION = "techniques";

    /** A station as written, with where it was written, checked against the profile once that is built. */
    record Written(String table, TechniqueTable.Station station, Node at) {
    }

    private final YamlInput input;
    private final Map<String, List<Written>> written = new LinkedHashMap<>();

    TechniqueTables(YamlInput input) {
        this.input = input;
    }

    /** Reads the section's node (a mapping of table names to lists); {@code board} null when it was not given. */
    void read(Node section, Board board) {
        if (board != null && board != Board.GEN) {
            input.problem(section, "'techniques' are tables of exposure techniques; board " + board + " takes no technique");
            return;
        }
        YamlMap tables = input.mapping(section, "'techniques'", null);
        if (tables == null) {
            return;
        }
        tables.values().forEach((name, list) -> {
            String what = "'techniques' '" + name + "'";
            if (!(list instanceof SequenceNode seq) || seq.getValue().size() < 2) {
                input.problem(list, what + " must be a list of two or more techniques, e.g. [{kv: 80, ma: 100, ms: 100},"
                        + " {kv: 80, ma: 200, ms: 50}], found " + YamlInput.describe(list));
                return;
            }
            List<Written> rows = new ArrayList<>();
            for (Node t : seq.getValue()) {
                TechniqueTable.Station s = station(t, what);
                if (s != null) {
                    rows.add(new Written(name, s, t));
                }
            }
            written.put(name, rows);
        });
    }

    private TechniqueTable.Station station(Node t, String what) {
        YamlMap m = input.mapping(t, what + " technique", List.of("kv", "ma", "ms"));
        if (m == null) {
            return null;
        }
        Double[] v = new Double[3];
        String[] keys = {"kv", "ma", "ms"};
        for (int i = 0; i < 3; i++) {
            Node n = input.required(m, keys[i]);
            v[i] = n == null ? null : input.number(n, what + " '" + keys[i] + "'");
        }
        return v[0] == null || v[1] == null || v[2] == null ? null : new TechniqueTable.Station(v[0], v[1], v[2]);
    }

    /**
     * The tables, each station checked against the board's technique ranges ({@code number} gives the profile's
     * {@code technique.*} numbers); a station it cannot set is a problem.
     */
    Map<String, TechniqueTable> check(java.util.function.ToDoubleFunction<org.hilrig.device.profile.ProfileKey> number) {
        Map<String, TechniqueTable> out = new LinkedHashMap<>();
        written.forEach((name, rows) -> {
            List<TechniqueTable.Station> stations = new ArrayList<>();
            for (Written w : rows) {
                String why = TechniqueTable.problem(number, w.station());
                if (why != null) {
                    input.problem(w.at(), "'techniques' '" + name + "': " + why);
                }
                stations.add(w.station());
            }
            if (stations.size() >= 2) {
                out.put(name, new TechniqueTable(name, stations));
            }
        });
        return out;
    }
}
