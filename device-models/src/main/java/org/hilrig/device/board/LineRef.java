package org.hilrig.device.board;

import java.util.Objects;
import org.hilrig.device.profile.Board;

/**
 * One board's hardware line, by its logical name ({@code TUB.ROTOR_READY}).
 *
 * @param board the board
 * @param line the line's logical name as domain.md writes it
 */
public record LineRef(Board board, String line) {
    public LineRef {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(line, "line");
    }

    @Override
    public String toString() {
        return board + "." + line;
    }
}
