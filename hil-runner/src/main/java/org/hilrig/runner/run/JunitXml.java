package org.hilrig.runner.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hilrig.runner.evidence.AtomicFile;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Verdict;

/**
 * Writes {@code junit.xml} in the Ant/Surefire schema CI servers read, valid against the Jenkins JUnit schema
 * ({@code jenkins-junit.xsd}) that Jenkins and GitLab parse: one {@code testsuite} for the run, one
 * {@code testcase} per scenario ({@code classname} = {@code hil.<rig>}, {@code name} = the scenario id; the
 * scenario file is named in {@code system-out}, since that schema has no {@code file} attribute). A fail is a {@code failure} of type {@code fail}, an inconclusive
 * verdict a {@code failure} of type {@code inconclusive} (it needs a person, so it must not read as a
 * pass), an error an {@code error}. Measurements go to {@code system-out}. {@code time} is the simulated
 * (rig) time in seconds.
 *
 * <p>A scenario that repeats ({@code repeat:}) adds, after its {@code trace:} line in {@code system-out}, a line
 * {@code statistics over repeats:} and one line per measurement taken more than once ({@link #statisticsText});
 * the same statistics are the suite's {@code <properties>} ({@link #statisticsProperties}): the schema has
 * properties on a testsuite only (a testcase's, as pytest writes them, would not validate). A run of an emulated unit adds
 * the property {@code unit_seed}. What was there before stays byte for byte where it was.
 */
public final class JunitXml {
    private JunitXml() {
    }

    public static String text(RunResult run) {
        StringBuilder b = new StringBuilder(HEAD);
        b.append("<testsuites>\n");
        suite(b, run, "hil run " + run.runId(), "hil." + run.rig());
        b.append("</testsuites>\n");
        return b.toString();
    }

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** Failures (fail and inconclusive) and errors among a run's scenarios. */
    static int[] failuresAndErrors(RunResult run) {
        int[] fe = new int[2];
        for (ScenarioResult s : run.scenarios()) {
            if (s.status() == Verdict.FAIL || s.status() == Verdict.INCONCLUSIVE) {
                fe[0]++;
            } else if (s.status() == Verdict.ERROR) {
                fe[1]++;
            }
        }
        return fe;
    }

    /**
     * Appends one run's {@code testsuite}: named {@code name}, its testcases' classname {@code classname}, its
     * properties the run's, then its unit seed (when it has one) and each repeating scenario's statistics
     * ({@link #statisticsProperties}).
     */
    static void suite(StringBuilder b, RunResult run, String name, String classname) {
        int[] fe = failuresAndErrors(run);
        long total = 0;
        for (ScenarioResult s : run.scenarios()) {
            total += s.simulatedNanos();
        }
        b.append("  <testsuite name=\"").append(esc(name)).append("\" tests=\"").append(run.scenarios().size())
                .append("\" failures=\"").append(fe[0]).append("\" errors=\"").append(fe[1])
                .append("\" skipped=\"0\" time=\"").append(seconds(total)).append("\" timestamp=\"")
                .append(esc(run.startedUtc())).append("\">\n");
        b.append("    <properties>\n");
        property(b, "rig", run.rig());
        property(b, "seed", Long.toString(run.seed()));
        property(b, "defects", String.join(",", run.defects()));
        property(b, "tool_version", run.toolVersion());
        if (run.unitSeed() != null) {
            property(b, "unit_seed", Long.toString(run.unitSeed()));
        }
        for (ScenarioResult s : run.scenarios()) {
            statisticsProperties(b, s.id(), LotStatistics.ofRepeats(s));
        }
        b.append("    </properties>\n");
        for (ScenarioResult s : run.scenarios()) {
            b.append("    <testcase classname=\"").append(esc(classname)).append("\" name=\"").append(esc(s.id()))
                    .append("\"");
            b.append(" time=\"").append(seconds(s.simulatedNanos())).append("\">\n");
            String msg = s.message() == null ? "" : s.message();
            switch (s.status()) {
                case FAIL, INCONCLUSIVE -> b.append("      <failure type=\"").append(s.status().word()).append("\" message=\"")
                        .append(esc(msg)).append("\">").append(esc(s.title() + ": " + msg)).append("</failure>\n");
                case ERROR -> b.append("      <error type=\"error\" message=\"").append(esc(msg)).append("\">")
                        .append(esc(s.title() + ": " + msg)).append("</error>\n");
                default -> {
                }
            }
            b.append("      <system-out>").append(esc(s.title())).append('\n');
            if (s.file() != null) {
                b.append("file: ").append(esc(s.file())).append('\n');
            }
            b.append("requirements: ").append(esc(String.join(", ", s.requirements()))).append('\n');
            for (MeasurementResult m : s.measurements()) {
                b.append(esc(m.name())).append(": ").append(esc(Durations.format(m.valueNs()))).append(" ")
                        .append(esc(limits(m))).append(" ").append(m.status().word()).append('\n');
            }
            for (ValueResult v : s.values()) {
                b.append(esc(v.name())).append(": ").append(esc(valueText(v.value(), v.unit()))).append(" ")
                        .append(esc(limits(v))).append(" ").append(v.status().word()).append('\n');
            }
            b.append("trace: ").append(esc(s.trace())).append(" sha256 ").append(s.traceSha256());
            List<LotStatistics.Row> repeats = LotStatistics.ofRepeats(s);
            if (!repeats.isEmpty()) {
                b.append("\nstatistics over repeats:");
                for (LotStatistics.Row r : repeats) {
                    b.append('\n').append(esc(statisticsText(r)));
                }
            }
            b.append("</system-out>\n");
            b.append("    </testcase>\n");
        }
        b.append("  </testsuite>\n");
    }

    /**
     * Appends a property for each row's {@code n}, {@code mean}, {@code sd}, {@code cv} and {@code cpk}, named
     * {@code <scenario>.<measurement>.<statistic>} ({@code EXP-REP-001.kv.mean}): a suite's properties hold every
     * scenario's, and several scenarios take a measurement of the same name. Values are in the measurement's unit
     * (a time in ms), written in full precision; a {@code cv} or {@code cpk} that does not exist has no property.
     */
    static void statisticsProperties(StringBuilder b, String scenario, List<LotStatistics.Row> rows) {
        for (LotStatistics.Row r : rows) {
            String key = scenario + "." + r.name() + ".";
            property(b, key + "n", Integer.toString(r.n()));
            property(b, key + "mean", Double.toString(r.mean()));
            property(b, key + "sd", Double.toString(r.sd()));
            if (r.cv() != null) {
                property(b, key + "cv", Double.toString(r.cv()));
            }
            if (r.cpk() != null) {
                property(b, key + "cpk", Double.toString(r.cpk()));
            }
        }
    }

    /**
     * A row's statistics for people: {@code kv: n 10, mean 80.02 kV, sd 0.03121 kV, cv 0.00039, min 79.97 kV,
     * max 80.07 kV, limits in [76.6 kV, 83.4 kV], cpk 35.6, 0 outside}; what does not exist is left out.
     */
    static String statisticsText(LotStatistics.Row r) {
        StringBuilder t = new StringBuilder(r.name()).append(": n ").append(r.n()).append(", mean ")
                .append(valueText(r.mean(), r.unit())).append(", sd ").append(valueText(r.sd(), r.unit()));
        if (r.cv() != null) {
            t.append(", cv ").append(String.format(Locale.ROOT, "%.3g", r.cv()));
        }
        t.append(", min ").append(valueText(r.min(), r.unit())).append(", max ").append(valueText(r.max(), r.unit()));
        String limits = limits(r.lower(), r.upper(), r.unit());
        if (!limits.isEmpty()) {
            t.append(", limits ").append(limits);
        }
        if (r.cpk() != null) {
            t.append(", cpk ").append(String.format(Locale.ROOT, "%.3g", r.cpk()));
        }
        return t.append(", ").append(r.outside()).append(" outside").toString();
    }

    /** A value for people: {@code 80.21 kV} (four significant digits). */
    public static String valueText(double v, String unit) {
        return String.format(java.util.Locale.ROOT, "%.4g", v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The bounds of a value for people: {@code in [76.6 kV, 83.4 kV]}, {@code <= 2 kV}, or empty. */
    static String limits(ValueResult v) {
        return limits(v.min(), v.max(), v.unit());
    }

    /** Bounds in a unit for people: {@code in [76.6 kV, 83.4 kV]}, {@code <= 2 kV}, {@code >= 1 kV}, or empty. */
    public static String limits(Double min, Double max, String unit) {
        if (min == null && max == null) {
            return "";
        }
        if (min == null) {
            return "<= " + valueText(max, unit);
        }
        if (max == null) {
            return ">= " + valueText(min, unit);
        }
        return "in [" + valueText(min, unit) + ", " + valueText(max, unit) + "]";
    }

    /** The limits of a measurement for people: {@code <= 1 ms}, {@code in [99 ms, 101 ms]}, or empty. */
    static String limits(MeasurementResult m) {
        if (m.minNs() == null && m.maxNs() == null) {
            return "";
        }
        if (m.minNs() == null) {
            return "<= " + Durations.format(m.maxNs());
        }
        if (m.maxNs() == null) {
            return ">= " + Durations.format(m.minNs());
        }
        return "in [" + Durations.format(m.minNs()) + ", " + Durations.format(m.maxNs()) + "]";
    }

    /** Writes {@code junit.xml} atomically (temp file + rename), UTF-8. */
    public static void write(RunResult run, Path file) {
        AtomicFile.write(file, text(run).getBytes(StandardCharsets.UTF_8));
    }

    static void property(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(name).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append("&#").append((int) c).append(';');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
