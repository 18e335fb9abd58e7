package org.hilrig.runner.scenario;

/**
 * Where something was written: a file (as the user named it) and a 1-based line and column.
 *
 * @param source the file name as shown in messages, never null
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Position(String source, int line, int column) {
    /** {@code source:line:column} as messages print it. */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }
}
