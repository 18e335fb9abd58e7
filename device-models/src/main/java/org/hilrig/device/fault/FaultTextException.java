package org.hilrig.device.fault;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A fault's text does not make a fault: every problem found, each by the parameter it is about. The
 * message is the problems' messages joined by {@code "; "}, each in the form
 * {@code fault arc_burst: spacing: '5xs' is not a duration (...)}.
 */
public final class FaultTextException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem. {@code parameter} is the key it is about as written: a parameter name, or {@code "name"}
     * for an unknown fault name.
     */
    public record Issue(String parameter, String message) {
    }

    private final transient List<Issue> issues;

    FaultTextException(List<Issue> issues) {
        super(issues.stream().map(Issue::message).collect(Collectors.joining("; ")));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("FaultTextException: no issues");
        }
        this.issues = List.copyOf(issues);
    }

    /** Every problem, in the order the text was read: unknown keys first, then parameters in declaration order. */
    public List<Issue> issues() {
        return issues;
    }
}
