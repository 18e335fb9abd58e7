package org.hilrig.timing;

import java.util.List;

/**
 * A user's input is wrong: a scenario, rule file, VCD, fixture, profile or command-line value.
 *
 * <p>The message follows the house pattern <em>where: what, found vs allowed</em>, for example
 * {@code rules.yaml:14:7: 'within': 0.5xs is not a duration (use ns, us, ms or s)}. Line and column
 * are 1-based; 0 means unknown and is left out of the message. When a whole file was validated,
 * {@link #problems()} holds every problem found, in file order, and the message is the first.
 */
public class BadInputException extends RigException {
    private final String source;
    private final int line;
    private final int column;
    private final List<String> problems;

    public BadInputException(String source, int line, int column, String what) {
        this(source, line, column, what, null);
    }

    public BadInputException(String source, int line, int column, String what, Throwable cause) {
        super(where(source, line, column) + what, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problems = List.of(getMessage());
    }

    /** Several problems found in one pass over a file; each string is already a full located message. */
    public BadInputException(List<String> problems) {
        super(problems.isEmpty() ? "bad input" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.source = null;
        this.line = 0;
        this.column = 0;
        this.problems = List.copyOf(problems);
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

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Every problem, each a one-line located message; at least one. */
    public List<String> problems() {
        return problems;
    }
}
