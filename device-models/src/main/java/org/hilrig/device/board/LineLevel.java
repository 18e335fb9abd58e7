package org.hilrig.device.board;

import java.util.Objects;

/**
 * A logical level of one line: what a rig drives to make a line fault ({@code DOOR_CLOSED} inactive is an
 * open door).
 *
 * @param line the line's logical name
 * @param active its logical state
 */
public record LineLevel(String line, boolean active) {
    public LineLevel {
        Objects.requireNonNull(line, "line");
    }
}
