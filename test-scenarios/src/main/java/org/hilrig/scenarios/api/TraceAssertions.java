package org.hilrig.scenarios.api;

import org.hilrig.timing.trace.Trace;

/** Entry point of the trace assertions: {@code assertThat(trace).signal("HV_ENABLE").fellWithin(...)}. */
public final class TraceAssertions {
    private TraceAssertions() {
    }

    public static TraceAssert assertThat(Trace trace) {
        return new TraceAssert(trace);
    }

    /** Every falling edge of a line, as the trigger of a timing assertion. */
    public static Trigger afterFalling(String line) {
        return Trigger.afterFalling(line);
    }

    /** Every rising edge of a line, as the trigger of a timing assertion. */
    public static Trigger afterRising(String line) {
        return Trigger.afterRising(line);
    }
}
