package org.hilrig.device.board;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hilrig.device.board.gen.GeneratorBoard;
import org.hilrig.device.board.tub.TubeBoard;
import org.hilrig.device.profile.Board;

/** The one list of boards the rig knows. Stateless. */
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
}
