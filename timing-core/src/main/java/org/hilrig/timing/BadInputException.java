package org.hilrig.timing;

import java.util.List;

/**
 * A user's input is wrong: a scenario, rule file, VCD, fixture, profile or command-line value.
 *
 * <p>The message follows the house pattern <em>where: what, found vs allowed</em>, for example
 * {@code rules.yaml:14:7: 'within': 0.5xs is not a duration (use ns, us, ms or s)}. Line and column
 * are 1-based; 0 means unknown and is left out of the message. When a whole file was validated,
 * {@link #located()} holds every problem found, in file order, each with its place, and the message is
 * the first.
 */
public class BadInputException extends RigException {
    private final String source;
    private final int line;
    private final int column;
    private final List<InputProblem> located;

    public BadInputException(String source, int line, int column, String what) {
        this(source, line, column, what, null);
    }

    public BadInputException(String source, int line, int column, String what, Throwable cause) {
        super(where(source, line, column) + what, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.located = List.of(InputProblem.at(source, line, column, what));
    }

    /** Several problems found in one pass over one or more files, each with its place. */
    public BadInputException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "bad input" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.source = null;
        this.line = 0;
        this.column = 0;
        this.located = List.copyOf(problems);
    }

    /** Formats {@code source:line:column: } with unknown parts left out; empty when nothing is known. */
    public static String where(String source, int line, int column) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            b.append(source);
        }
        if (line > 0) {
            b.append(b.length() > 0 ? ":" : "line ").append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.length() > 0 ? b.append(": ").toString() : "";
    }

    /** The file of a single located problem; null for a list of problems. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Every problem with its place, in the order found (one for a single problem). */
    public List<InputProblem> located() {
        return located;
    }

    /** Every problem as its one-line located message ({@link InputProblem#toString()}). */
    public List<String> problems() {
        return located.stream().map(InputProblem::toString).toList();
    }
}
