package org.hilrig.timing;

import org.hilrig.timing.rules.SourcePosition;

/**
 * One thing wrong with a user's input, and where: the file as the user named it with a 1-based line and
 * column ({@link SourcePosition#UNKNOWN} or zeros where there is none), and what is wrong in the house
 * shape <em>what, found vs allowed (context)</em>, on one line.
 *
 * <p>{@link #toString()} is the located line the CLI prints: {@code file:line:col: message}.
 */
public record InputProblem(SourcePosition at, String message) {
    public InputProblem {
        at = at == null ? SourcePosition.UNKNOWN : at;
        message = message == null ? "" : message.replaceAll("\\R", " ");
    }

    /** A problem at {@code file:line:column} (0 for an unknown line or column). */
    public static InputProblem at(String file, int line, int column, String message) {
        return new InputProblem(new SourcePosition(file, line, column), message);
    }

    /** A problem with no place in a file (a command-line value, say): its message says where. */
    public static InputProblem unplaced(String message) {
        return new InputProblem(SourcePosition.UNKNOWN, message);
    }

    /** {@code file:line:col: message}, with unknown parts left out. */
    @Override
    public String toString() {
        return at.where() + message;
    }
}
