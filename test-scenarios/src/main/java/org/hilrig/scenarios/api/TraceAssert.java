package org.hilrig.scenarios.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.Trace;

/** AssertJ assertions on a trace; pick a line with {@link #signal(String)}. */
public final class TraceAssert extends AbstractAssert<TraceAssert, Trace> {
    TraceAssert(Trace actual) {
        super(actual, TraceAssert.class);
    }

    /** Assertions on one line, named as in scenarios ({@code HV_ENABLE}) or by its trace path. */
    public SignalAssert signal(String line) {
        isNotNull();
        return new SignalAssert(actual, resolve(actual, line), line);
    }

    /**
     * The trace signal of a line: an exact path, else the one-bit signal whose reference matches the name
     * ignoring case, preferring the boards' own pins ({@code gen.}, then {@code tub.}) over the rig's and
     * the plant's.
     *
     * @throws AssertionError naming the line and the trace's signals when there is none
     */
    static SignalInfo resolve(Trace trace, String line) {
        SignalInfo exact = trace.find(line);
        if (exact != null && exact.path().equals(line)) {
            return exact;
        }
        List<SignalInfo> matches = new ArrayList<>();
        for (SignalInfo s : trace.signals()) {
            if (s.kind() == SignalKind.DIGITAL && s.reference().equalsIgnoreCase(line)) {
                matches.add(s);
            }
        }
        for (String prefix : List.of("gen.", "tub.")) {
            for (SignalInfo s : matches) {
                if (s.path().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return s;
                }
            }
        }
        if (!matches.isEmpty()) {
            return matches.get(0);
        }
        List<String> names = new ArrayList<>();
        trace.signals().forEach(s -> names.add(s.path()));
        throw new AssertionError("the trace has no line '" + line + "'; its signals: " + String.join(", ", names));
    }
}
