package org.hilrig.runner.station;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.StepResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Verdict;

/**
 * A scenario that did not pass, in words an operator on the line reads at a glance: the test by its title, what
 * was measured, the value and the limit ({@code Failed: TITLE. The reply to VER took 11.6 ms, allowed at most 5
 * ms.}). The engine's
 * own message, with ids and step numbers, stays beside it for engineers (the page's technical details). Stateless.
 */
final class OperatorWords {
    /** The engine's wording of a time held to a window: {@code WHAT took VALUE, limit WINDOW}. */
    private static final Pattern TOOK = Pattern.compile("(.+?) took ([0-9.]+ ?[num]?s)(?: \\+- ([0-9.]+ ?[num]?s))?"
            + "(?:, limit |: the limit )(<= [0-9.]+ ?[num]?s|>= [0-9.]+ ?[num]?s|\\[[^\\]]+\\])");

    /** The engine's wording of a reply that never came: {@code no reply to 01,VER,683C within <= 5 ms ...}. */
    private static final Pattern NO_REPLY = Pattern.compile("no reply to (?:[0-9A-F]{2},)?([A-Z]{3})\\S* within "
            + "(<= [0-9.]+ ?[num]?s)");
    /** A reply time's measurement name: {@code ver_reply} is the reply to VER. */
    private static final Pattern REPLY = Pattern.compile("([a-z]{3})_reply");

    private OperatorWords() {
    }

    /** What went wrong in {@code r} (not passed), in one or two sentences. */
    static String of(ScenarioResult r) {
        boolean undecided = r.status() == Verdict.INCONCLUSIVE;
        String head = (undecided ? "Not decided (inconclusive): " : "Failed: ") + title(r) + ". ";
        // the engine's message names what stopped the scenario: a time held to its limit is said first, as it is the
        // failure; a named measurement or value out of its limits next; else the step that was not met
        Matcher t = r.message() == null ? null : TOOK.matcher(r.message());
        if (t != null && t.find()) {
            String what = t.group(1).replaceFirst("^.*?: ", "");
            return head + capital(what.replaceFirst("^reply to (\\S+)", "the reply to $1")) + " took " + t.group(2)
                    + (t.group(3) == null ? "" : " (give or take " + t.group(3) + ")") + ", allowed " + window(t.group(4))
                    + tail(undecided);
        }
        Matcher none = r.message() == null ? null : NO_REPLY.matcher(r.message());
        if (none != null && none.find()) {
            return head + "The board did not answer " + none.group(1) + " in time (allowed " + window(none.group(2))
                    .replaceFirst("\\.$", ").") + tail(undecided);
        }
        MeasurementResult m = r.measurements().stream().filter(x -> x.status() != Verdict.PASS).findFirst().orElse(null);
        if (m != null) {
            Matcher reply = REPLY.matcher(m.name());
            return head + (reply.matches() ? "The reply to " + reply.group(1).toUpperCase(Locale.ROOT) + " took "
                    : words(m.name()) + ": ") + Durations.format(m.valueNs()) + ", allowed " + limit(
                    m.minNs() == null ? null : Durations.format(m.minNs()), m.maxNs() == null ? null
                            : Durations.format(m.maxNs())) + tail(undecided);
        }
        ValueResult v = r.values().stream().filter(x -> x.status() != Verdict.PASS).findFirst().orElse(null);
        if (v != null) {
            return head + words(v.name()) + ": " + v.value() + " " + v.unit() + ", allowed " + limit(
                    v.min() == null ? null : v.min() + " " + v.unit(), v.max() == null ? null : v.max() + " " + v.unit())
                    + tail(undecided);
        }
        StepResult step = r.steps().stream().filter(s -> s.status() != Verdict.PASS).findFirst().orElse(null);
        return head + "The board did not do what the test expects" + (step == null ? "" : " at: " + step.text())
                + "." + tail(undecided);
    }

    private static String title(ScenarioResult r) {
        String t = r.title() == null || r.title().isBlank() ? r.id() : r.title().strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String tail(boolean undecided) {
        return undecided ? " Too close to the limit to decide: test the unit again." : "";
    }

    private static String limit(String min, String max) {
        if (min != null && max != null) {
            return "between " + min + " and " + max + ".";
        }
        return min != null ? "at least " + min + "." : "at most " + max + ".";
    }

    private static String window(String w) {
        if (w.startsWith("<= ")) {
            return "at most " + w.substring(3) + ".";
        }
        if (w.startsWith(">= ")) {
            return "at least " + w.substring(3) + ".";
        }
        String[] ends = w.substring(1, w.length() - 1).split(",\\s*");
        return ends.length == 2 ? "between " + ends[0] + " and " + ends[1] + "." : w + ".";
    }

    /** A measurement's name as words: {@code door_to_hv_off} is {@code Door to hv off}. */
    static String words(String name) {
        return capital(name.replace('_', ' ').replace('.', ' ').strip());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
