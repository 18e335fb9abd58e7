package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.InputProblem;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The problems found while validating one or more scenario files: one list that each file's {@link
 * YamlInput} ({@link #input(String)}) adds to, each problem with its place. Not thread-safe.
 */
final class Problems {
    private final List<InputProblem> found = new ArrayList<>();

    /** The input of one file, adding its problems to this list. */
    YamlInput input(String source) {
        return new YamlInput(source, found);
    }

    void add(String source, Node node, String what) {
        input(source).problem(node, what);
    }

    void add(String source, int line, int column, String what) {
        found.add(InputProblem.at(source, line, column, what));
    }

    /** Adds every problem of an error already located (e.g. a YAML syntax error). */
    void addAll(BadInputException e) {
        found.addAll(e.located());
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    /** Throws every problem at once when there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new BadInputException(found);
        }
    }
}
