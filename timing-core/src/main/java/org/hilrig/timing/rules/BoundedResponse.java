package org.hilrig.timing.rules;

import java.util.List;
import java.util.Objects;

/**
 * Every {@code trigger} edge must be answered by the first {@code response} edge at or after it, with a
 * latency inside {@code window}: {@code after door_closed falls expect hv_enable falls within 1ms}. A
 * trigger still unanswered when the trace ends fails. Triggers that come before an answer are all
 * answered by it, each with its own latency.
 */
public record BoundedResponse(String id, String requirement, SourcePosition position, SignalEdge trigger,
        SignalEdge response, LatencyWindow window) implements TimingRule {
    public BoundedResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(window, "window");
    }

    /** A rule built in code, with no requirement and no file position. */
    public static BoundedResponse of(String id, SignalEdge trigger, SignalEdge response, LatencyWindow window) {
        return new BoundedResponse(id, null, SourcePosition.UNKNOWN, trigger, response, window);
    }

    @Override
    public List<SignalRef> signals() {
        return List.of(trigger.signal(), response.signal());
    }

    /** A response on the trigger's own edge: the first one at or after a trigger is the trigger itself. */
    @Override
    public String meaninglessOnOneSignal() {
        return trigger.edge() != response.edge() ? null : "response '" + response + "' is the trigger '" + trigger
                + "' itself: each trigger would answer itself at 0 ns on any trace (expect another signal, or the"
                + " other edge)";
    }

    @Override
    public String toString() {
        return "after " + trigger + " expect " + response + " within " + window;
    }
}
