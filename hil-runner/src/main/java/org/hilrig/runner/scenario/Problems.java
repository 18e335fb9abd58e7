package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The problems found while validating one or more files, each a one-line located message
 * ({@code file:line:col: what, found vs allowed}). Not thread-safe.
 */
final class Problems {
    private final List<String> messages = new ArrayList<>();

    void add(String source, Node node, String what) {
        int line = 0;
        int column = 0;
        if (node != null && node.getStartMark().isPresent()) {
            line = node.getStartMark().get().getLine() + 1;
            column = node.getStartMark().get().getColumn() + 1;
        }
        add(source, line, column, what);
    }

    void add(String source, int line, int column, String what) {
        messages.add(BadInputException.where(source, line, column) + what.replace('\n', ' '));
    }

    /** Adds every problem of an error already located (e.g. a YAML syntax error). */
    void addAll(BadInputException e) {
        messages.addAll(e.problems());
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    int size() {
        return messages.size();
    }

    /** Throws every problem at once when there is any. */
    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new BadInputException(messages);
        }
    }
}
