package org.hilrig.device.board;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hilrig.device.board.gen.GeneratorBoard;
import org.hilrig.device.board.tub.TubeBoard;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ProfileKey;

/**
 * The one list of boards the rig knows, and the catalogues made of what each board defines: every profile key
 * and every defect of every board. Stateless.
 */
public final class Boards {
    private Boards() {
    }

    /** The definition of a board. A new {@link Board} constant does not compile until it has one here. */
    public static BoardDefinition of(Board board) {
        return switch (board) {
            case GEN -> GeneratorBoard.DEFINITION;
            case TUB -> TubeBoard.DEFINITION;
        };
    }

    /** Every board's definition, in {@link Board} order. */
    public static List<BoardDefinition> all() {
        List<BoardDefinition> all = new ArrayList<>();
        for (Board b : Board.values()) {
            all.add(of(b));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Every profile key of any board, each once, in board order and each board's schema order (a key several
     * boards hold, a common one, where its first board lists it).
     */
    public static List<ProfileKey> profileKeys() {
        Map<String, ProfileKey> byPath = new LinkedHashMap<>();
        for (BoardDefinition d : all()) {
            for (ProfileKey k : d.profileSchema().keys()) {
                ProfileKey before = byPath.putIfAbsent(k.path(), k);
                if (before != null && before != k) {
                    throw new IllegalStateException("two boards declare profile key " + k.path() + " apart");
                }
            }
        }
        return List.copyOf(byPath.values());
    }

    /** The profile key of any board with this path, or null. */
    public static ProfileKey profileKey(String path) {
        for (ProfileKey k : profileKeys()) {
            if (k.path().equals(path)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Every defect any board can carry, each once, in board order and each board's own order: what {@code hil
     * defects} lists. A defect several boards carry (a common one) is listed where its first board lists it.
     */
    public static List<Defect> defects() {
        return List.copyOf(defectsByName().values());
    }

    /** The defect of this name, ignoring case and surrounding blanks, or null when no board has one. */
    public static Defect defect(String name) {
        return name == null ? null : defectsByName().get(name.trim().toUpperCase(Locale.ROOT));
    }

    private static Map<String, Defect> defectsByName() {
        Map<String, Defect> byName = new LinkedHashMap<>();
        for (BoardDefinition d : all()) {
            for (Defect x : d.defects()) {
                Defect before = byName.putIfAbsent(x.name(), x);
                if (before != null && !before.description().equals(x.description())) {
                    throw new IllegalStateException("two boards define defect " + x.name() + " differently");
                }
            }
        }
        return byName;
    }
}
