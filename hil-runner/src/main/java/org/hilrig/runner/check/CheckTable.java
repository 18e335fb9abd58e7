package org.hilrig.runner.check;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.NeverResult;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.Occurrence;
import org.hilrig.timing.rules.Overlap;
import org.hilrig.timing.rules.ResponseResult;
import org.hilrig.timing.rules.RuleResult;
import org.hilrig.timing.verdict.Verdict;

/**
 * {@code hil check} for people: a summary table (one row a rule: verdict, what was checked, the worst
 * latency or the longest overlap, and the limit), then each rule's occurrences and violations, then the
 * totals. Times are
 * exact (no rounding: {@code 5.412345 ms}); verdicts other than pass are upper case so they stand out.
 * A rule with many occurrences lists only its first few that did not pass; counts cover every one. A
 * rule the trace did not exercise says why, and that it is inconclusive unless allowed.
 */
public final class CheckTable {
    /** A rule lists every occurrence up to this many, otherwise only those that did not pass, up to this many. */
    static final int LISTED = 12;

    private CheckTable() {
    }

    public static void write(CheckReport report, PrintWriter out) {
        out.println("trace " + report.trace() + " (ends at " + time(report.endNanos()) + ")");
        out.println("rules " + report.rulesFile() + " (times judged with an uncertainty of +/-"
                + time(report.uncertaintyNanos()) + ")");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RULE", "STATUS", "CHECKED", "WORST", "LIMIT"});
        for (RuleResult r : report.results()) {
            rows.add(row(report, r));
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        for (RuleResult r : report.results()) {
            out.println();
            details(report, r, out);
        }
        out.println();
        long unexercised = report.unexercised();
        out.println(report.results().size() + (report.results().size() == 1 ? " rule: " : " rules: ")
                + report.count(Verdict.PASS) + " pass, " + report.count(Verdict.FAIL) + " fail, "
                + report.count(Verdict.INCONCLUSIVE) + " inconclusive" + (unexercised == 0 ? "" : "; "
                        + unexercised + " not exercised") + " -> " + word(report.verdict()));
        out.flush();
    }

    private static String[] row(CheckReport report, RuleResult r) {
        if (r instanceof ResponseResult rr) {
            long n = rr.occurrenceCount();
            Long worst = rr.worstLatencyNanos();
            return new String[] {r.rule().id(), word(report.status(r)), n + (n == 1 ? " trigger" : " triggers"),
                    worst == null ? "-" : time(worst), window(rr.rule())};
        }
        NeverResult nr = (NeverResult) r;
        Long longest = nr.longestOverlapNanos();
        long n = nr.violationCount();
        return new String[] {r.rule().id(), word(report.status(r)), n + (n == 1 ? " violation" : " violations"),
                longest == null ? "-" : time(longest), tolerance(nr.rule())};
    }

    /** {@code "  not exercised: why -> INCONCLUSIVE (...)"}, or nothing when the trace exercised the rule. */
    private static void exercise(CheckReport report, RuleResult r, PrintWriter out) {
        if (!r.exercised()) {
            out.println("  not exercised: " + r.unexercisedReason() + (report.status(r) == Verdict.PASS
                    ? " (allowed)" : " -> INCONCLUSIVE (allow it with allow_unexercised: true or --allow-unexercised)"));
        }
    }

    /** Where the rest of a rule's list is: {@code --json} has every one, or its first and worst. */
    private static String rest(CheckReport report, boolean truncated) {
        return truncated ? "--json lists the first and the worst " + report.listing().firstAndWorst()
                + ", --all-occurrences every one" : "--json lists every one";
    }

    private static void details(CheckReport report, RuleResult r, PrintWriter out) {
        String requirement = r.rule().requirement() == null ? "" : " (" + r.rule().requirement() + ")";
        if (r instanceof ResponseResult rr) {
            BoundedResponse rule = rr.rule();
            out.println(rule.id() + requirement + ": after " + rule.trigger() + " expect " + rule.response()
                    + " within " + within(rule));
            exercise(report, r, out);
            if (rr.occurrenceCount() == 0) {
                return;
            }
            List<Occurrence> shown = rr.occurrences().size() <= LISTED && !rr.truncated() ? rr.occurrences()
                    : rr.occurrences().stream().filter(o -> o.verdict() != Verdict.PASS).limit(LISTED).toList();
            for (Occurrence o : shown) {
                out.println("  " + word(o.verdict()) + "  " + rule.trigger() + " at " + time(o.triggerNanos()) + ", "
                        + (o.answered() ? rule.response() + " at " + time(o.responseNanos()) + ": latency "
                                + time(o.latencyNanos()) : "no " + rule.response() + " before the trace ended"));
            }
            long hidden = rr.occurrenceCount() - shown.size();
            if (hidden > 0) {
                out.println("  " + (shown.isEmpty() ? "" : "... and ") + hidden + (shown.isEmpty() ? "" : " more")
                        + " occurrences, " + rr.count(Verdict.PASS) + " of all " + rr.occurrenceCount()
                        + " passed (" + rest(report, rr.truncated()) + ")");
            }
            return;
        }
        NeverResult nr = (NeverResult) r;
        NeverWhile rule = nr.rule();
        out.println(rule.id() + requirement + ": never " + rule.state() + " while " + rule.whileState()
                + (rule.longerThanNanos() == null ? "" : " for longer than " + time(rule.longerThanNanos())));
        exercise(report, r, out);
        if (nr.longestOverlapNanos() == null) {
            if (r.exercised()) {
                out.println("  never happened");
            }
        } else if (nr.violationCount() == 0) {
            out.println("  pass  longest overlap " + time(nr.longestOverlapNanos()));
        }
        List<Overlap> shown = nr.overlaps().stream().limit(LISTED).toList();
        for (Overlap o : shown) {
            out.println("  " + word(o.verdict()) + "  from " + time(o.startNanos()) + " to " + time(o.endNanos())
                    + " (" + time(o.durationNanos()) + ")");
        }
        if (nr.violationCount() > shown.size()) {
            out.println("  ... and " + (nr.violationCount() - shown.size()) + " more (" + rest(report, nr.truncated()) + ")");
        }
    }

    private static String window(BoundedResponse rule) {
        Long min = rule.window().minNanos();
        long max = rule.window().maxNanos();
        return min == null ? "<= " + time(max) : time(min) + " .. " + time(max);
    }

    private static String within(BoundedResponse rule) {
        Long min = rule.window().minNanos();
        long max = rule.window().maxNanos();
        return min == null ? time(max) : "[" + time(min) + ", " + time(max) + "]";
    }

    private static String tolerance(NeverWhile rule) {
        return rule.longerThanNanos() == null ? "none allowed" : "<= " + time(rule.longerThanNanos());
    }

    private static String word(Verdict v) {
        return v == Verdict.PASS ? v.word() : v.word().toUpperCase(Locale.ROOT);
    }

    /** Nanoseconds in the largest unit that leaves a whole part, exactly: {@code 5.412345 ms}, {@code 37 ns}. */
    static String time(long nanos) {
        long abs = Math.abs(nanos);
        int scale;
        String unit;
        if (abs >= 1_000_000_000L) {
            scale = 9;
            unit = " s";
        } else if (abs >= 1_000_000L) {
            scale = 6;
            unit = " ms";
        } else if (abs >= 1_000L) {
            scale = 3;
            unit = " us";
        } else {
            return nanos + " ns";
        }
        return BigDecimal.valueOf(nanos, scale).stripTrailingZeros().toPlainString() + unit;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
