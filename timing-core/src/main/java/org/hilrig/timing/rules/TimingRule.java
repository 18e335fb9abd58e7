package org.hilrig.timing.rules;

import java.util.List;

/**
 * A timing rule to check on a trace. Every rule has an id (unique within its file), an optional
 * requirement it verifies (carried into reports), and the place it was written.
 */
public sealed interface TimingRule permits BoundedResponse, NeverWhile {
    String id();

    /** The requirement this rule verifies, e.g. {@code REQ-ILK-001}, or null. */
    String requirement();

    /** Where the rule starts in its file. */
    SourcePosition position();

    /** Every signal the rule names, in the order it names them. */
    List<SignalRef> signals();

    /**
     * Why this rule could never mean anything if the two signals it names are one signal (a response
     * that is its own trigger; opposite levels of one signal), for people, or null when it still would.
     * Such a rule is bad input wherever it is found to be one: by name in a rules file, once bound to the
     * trace's signals otherwise.
     */
    String meaninglessOnOneSignal();
}
