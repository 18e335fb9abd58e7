package org.hilrig.runner.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.hilrig.runner.evidence.AtomicFile;
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
 */
public final class JunitXml {
    private JunitXml() {
    }

    public static String text(RunResult run) {
        int failures = 0;
        int errors = 0;
        long total = 0;
        for (ScenarioResult s : run.scenarios()) {
            if (s.status() == Verdict.FAIL || s.status() == Verdict.INCONCLUSIVE) {
                failures++;
            } else if (s.status() == Verdict.ERROR) {
                errors++;
            }
            total += s.simulatedNanos();
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites>\n");
        b.append("  <testsuite name=\"hil run ").append(esc(run.runId())).append("\" tests=\"").append(run.scenarios().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(seconds(total)).append("\" timestamp=\"")
                .append(esc(run.startedUtc())).append("\">\n");
        b.append("    <properties>\n");
        property(b, "rig", run.rig());
        property(b, "seed", Long.toString(run.seed()));
        property(b, "defects", String.join(",", run.defects()));
        property(b, "tool_version", run.toolVersion());
        b.append("    </properties>\n");
        for (ScenarioResult s : run.scenarios()) {
            b.append("    <testcase classname=\"hil.").append(esc(run.rig())).append("\" name=\"").append(esc(s.id()))
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
            b.append("trace: ").append(esc(s.trace())).append(" sha256 ").append(s.traceSha256()).append("</system-out>\n");
            b.append("    </testcase>\n");
        }
        b.append("  </testsuite>\n</testsuites>\n");
        return b.toString();
    }

    /** A value for people: {@code 80.21 kV} (four significant digits). */
    static String valueText(double v, String unit) {
        return String.format(java.util.Locale.ROOT, "%.4g", v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The bounds of a value for people: {@code in [76.6 kV, 83.4 kV]}, {@code <= 2 kV}, or empty. */
    static String limits(ValueResult v) {
        if (v.min() == null && v.max() == null) {
            return "";
        }
        if (v.min() == null) {
            return "<= " + valueText(v.max(), v.unit());
        }
        if (v.max() == null) {
            return ">= " + valueText(v.min(), v.unit());
        }
        return "in [" + valueText(v.min(), v.unit()) + ", " + valueText(v.max(), v.unit()) + "]";
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

    private static void property(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(name).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }

    private static String seconds(long nanos) {
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
