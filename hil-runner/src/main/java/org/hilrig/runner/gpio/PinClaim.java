package org.hilrig.runner.gpio;

import org.hilrig.runner.fixture.InputLine;
import org.hilrig.runner.fixture.LineAssignment;
import org.hilrig.runner.fixture.OutputLine;

/**
 * One pin as the electrical layer sees it: polarity already applied, so levels here are electrical.
 *
 * @param label the logical line name, for the pin's consumer label and messages
 * @param output whether the rig drives it
 * @param initialHigh for an output: its level when claimed
 * @param safeHigh for an output: its safe level (also the provider's shutdown level)
 * @param debounceNanos for an input: the kernel debounce period
 */
record PinClaim(String label, int bcmPin, boolean output, boolean initialHigh, boolean safeHigh, long debounceNanos) {
    /** The claim for a fixture line: the one place where logical states become electrical levels. */
    static PinClaim of(LineAssignment a) {
        if (a instanceof OutputLine o) {
            return new PinClaim(o.line().name(), o.bcmPin(), true,
                    o.polarity().electricalHigh(o.initialActive()), o.polarity().electricalHigh(o.safeActive()), 0);
        }
        InputLine i = (InputLine) a;
        return new PinClaim(i.line().name(), i.bcmPin(), false, false, false, i.debounceNanos());
    }
}
