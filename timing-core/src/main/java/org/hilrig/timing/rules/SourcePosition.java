package org.hilrig.timing.rules;

import org.hilrig.timing.BadInputException;

/**
 * Where something was written: a file as the user named it, and a 1-based line and column (0 when not
 * known). Rules built in code use {@link #UNKNOWN}.
 */
public record SourcePosition(String file, int line, int column) {
    /** No known place: messages then start with what went wrong. */
    public static final SourcePosition UNKNOWN = new SourcePosition("", 0, 0);

    public SourcePosition {
        file = file == null ? "" : file;
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line " + line + " and column " + column + " must be 0 or more");
        }
    }

    /** The message prefix {@code file:line:column: }, with unknown parts left out (empty when nothing is known). */
    public String where() {
        return BadInputException.where(file, line, column);
    }
}
