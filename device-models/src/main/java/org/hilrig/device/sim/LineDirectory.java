package org.hilrig.device.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.board.BoardDefinition;
import org.hilrig.device.board.Boards;
import org.hilrig.device.board.LineSpec;
import org.hilrig.device.profile.Board;
import org.hilrig.timing.signal.SignalSet;

/**
 * The names of one machine's lines, taken from its boards' definitions. A logical name ({@code XRAY_ON})
 * means the pin of the first present board, in {@link Board} order, that has the line; a line several
 * present boards each drive on their own ({@code ALIVE}) means the board under test's; a dotted name is a
 * signal path. The rig drives every {@link LineSpec.Source#RIG} input and every {@link
 * LineSpec.Source#PARTNER} input whose partner board is absent, at {@code rig.<name>}. Immutable.
 */
final class LineDirectory {
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final List<String> drivable = new ArrayList<>();
    private final Map<String, String> rigPaths = new LinkedHashMap<>();
    private final Map<String, String> analogs = new LinkedHashMap<>();
    private final Set<String> names;

    LineDirectory(SignalSet signals, Board underTest, Set<Board> present) {
        Map<String, List<Board>> holders = new LinkedHashMap<>();
        for (Board b : present) {
            BoardDefinition d = Boards.of(b);
            for (LineSpec l : d.lines()) {
                holders.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(b);
                boolean partnerAbsent = l.partner() != null && !present.contains(l.partner().board());
                if (l.source() == LineSpec.Source.RIG || partnerAbsent) {
                    drivable.add(l.name());
                    rigPaths.put(l.name(), l.rigPath());
                }
            }
            analogs.putAll(d.analogs());
        }
        Set<String> n = new LinkedHashSet<>();
        for (Map.Entry<String, List<Board>> e : holders.entrySet()) {
            List<Board> hs = e.getValue();
            boolean eachItsOwn = hs.size() > 1 && hs.stream()
                    .allMatch(b -> Boards.of(b).line(e.getKey()).side() == LineSpec.Side.OUT);
            Board owner = eachItsOwn && hs.contains(underTest) ? underTest : hs.get(0);
            String path = Boards.of(owner).line(e.getKey()).pinPath(owner);
            paths.put(e.getKey(), path);
            if (signals.findDigital(path) != null) {
                n.add(e.getKey());
            }
        }
        this.names = Collections.unmodifiableSet(n);
    }

    /** The signal path of a logical name or a path, or null for a name no present board has. */
    String path(String name) {
        return name.contains(".") ? name : paths.get(name);
    }

    /** The logical names whose pins exist in this machine. */
    Set<String> names() {
        return names;
    }

    /** The lines the rig drives, in the boards' order. */
    List<String> drivable() {
        return Collections.unmodifiableList(drivable);
    }

    /** The rig's signal for a drivable line, or null. */
    String drivePath(String name) {
        return rigPaths.get(name);
    }

    /** The path of an analog signal by its name ({@code KV_FB}), or the name itself (a path). */
    String analogPath(String name) {
        return analogs.getOrDefault(name, name);
    }

    /** The analog names of this machine's boards. */
    Set<String> analogNames() {
        return Collections.unmodifiableSet(analogs.keySet());
    }
}
