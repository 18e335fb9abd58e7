package org.hilrig.timing.rules;

/**
 * Told of each violation once, on the thread that feeds the {@link RuleChecker}, as soon as the
 * violation is certain. An online run may stop at the first. Must not call back into the checker.
 */
@FunctionalInterface
public interface ViolationListener {
    ViolationListener NONE = v -> { };

    void violated(Violation violation);
}
