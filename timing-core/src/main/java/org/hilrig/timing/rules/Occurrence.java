package org.hilrig.timing.rules;

import java.util.Objects;
import org.hilrig.timing.verdict.Verdict;

/**
 * One trigger of a {@link BoundedResponse} and its answer. Times are nanoseconds from the trace's time
 * zero.
 *
 * @param responseNanos when the first response edge at or after the trigger came, or null when none
 *     came before the trace ended
 * @param latencyNanos {@code responseNanos - triggerNanos}, or null without a response
 * @param verdict the latency judged against the window with the check's uncertainty; {@code FAIL}
 *     without a response
 */
public record Occurrence(long triggerNanos, Long responseNanos, Long latencyNanos, Verdict verdict) {
    public Occurrence {
        Objects.requireNonNull(verdict, "verdict");
        if ((responseNanos == null) != (latencyNanos == null)) {
            throw new IllegalArgumentException("a response and its latency come together");
        }
    }

    public boolean answered() {
        return responseNanos != null;
    }
}
