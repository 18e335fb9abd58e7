package org.hilrig.runner.scenario;

import java.util.Map;
import org.hilrig.timing.Durations;

/**
 * A step as a reviewer reads it, on one line, for reports, without its keyword (which reports show beside
 * it): {@code HV_ENABLE becomes inactive within 1ms} for an {@code expect}, {@code PREP_REQ active} for a
 * {@code set}. Stateless.
 */
final class StepText {
    private StepText() {
    }

    static String of(Step step) {
        if (step instanceof Step.Set s) {
            StringBuilder b = new StringBuilder();
            String sep = "";
            for (Map.Entry<String, LineState> e : s.lines().entrySet()) {
                b.append(sep).append(e.getKey()).append(' ').append(e.getValue().word());
                sep = ", ";
            }
            return b.toString();
        } else if (step instanceof Step.Wait w) {
            return Durations.format(w.nanos());
        } else if (step instanceof Step.Fault f) {
            return f.name() + fields(f.params());
        } else if (step instanceof Step.Await a) {
            return a.signal() + " " + a.state().word() + " within " + a.within() + measure(a.measure());
        } else if (step instanceof Step.Expect e) {
            return e.signal() + " becomes " + e.state().word() + " within " + e.within()
                    + (e.from() == null ? "" : " of " + e.from()) + measure(e.measure());
        } else if (step instanceof Step.Hold h) {
            return h.signal() + " stays " + h.state().word() + " for " + Durations.format(h.forNanos());
        } else if (step instanceof Step.ExpectEvent e) {
            return e.event() + fields(e.fields()) + " within " + e.within()
                    + (e.from() == null ? "" : " of " + e.from()) + measure(e.measure());
        } else if (step instanceof Step.NoEvent n) {
            return n.event() + fields(n.fields()) + " for " + Durations.format(n.forNanos());
        } else if (step instanceof Step.Send s) {
            String what = s.again() ? "the previous frame again" : s.command() != null
                    ? s.command() + (s.args().isEmpty() ? "" : " " + String.join(",", s.args())) : s.raw() + " (raw)";
            return what + (s.corruption() == Step.Corruption.NONE ? "" : ", " + s.corruption().name()
                    .toLowerCase(java.util.Locale.ROOT) + " broken") + (s.copies() > 1 ? " x" + s.copies() : "")
                    + ", reply " + s.reply() + fields(s.replyFields()) + (s.within() == null ? "" : " within " + s.within())
                    + measure(s.measure());
        } else if (step instanceof Step.Heartbeat h) {
            return "every " + Durations.format(h.everyNanos()) + " for " + Durations.format(h.forNanos());
        }
        return step.keyword();
    }

    private static String fields(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" {");
        String sep = "";
        for (Map.Entry<String, String> e : fields.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }

    private static String measure(String name) {
        return name == null ? "" : " (measure " + name + ")";
    }
}
