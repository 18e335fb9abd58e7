package org.hilrig.runner.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hilrig.runner.evidence.AtomicFile;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.evidence.RunIdentity;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.StepResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.runner.scenario.Requirement;
import org.hilrig.timing.Durations;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;

/**
 * The run's report for people: one self-contained {@code report.html} (inline CSS and SVG; no scripts, fonts,
 * images or anything else fetched from anywhere), with
 *
 * <ul>
 *   <li>a summary: verdict counts, the scenarios that did not pass (linked), run, rig, seed, defects, tool,
 *       machine, fixture, the board as it reported itself, every scenario file with its hash;
 *   <li>the traceability matrix: each requirement, its text and the standard it serves, the scenarios covering it and their
 *       verdicts; requirements no scenario covers, and ids scenarios name that the list does not have;
 *   <li>per scenario: its steps with their times, its measurements against their limits (margin, uncertainty),
 *       an SVG timing diagram of the signals around each measurement with the limit window drawn, its
 *       requirements, and the serial transcript.
 * </ul>
 *
 * <p>A status is shown in one colour wherever it appears (badge, count, message, margin, diagram mark) through
 * one class, {@link #statusClass}, which sets only the colour; the element's role decides what it paints.
 * Durations never break between number and unit.
 *
 * <p>Stateless; safe from any thread. Text from scenarios and traces is escaped.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * Writes {@code report.html}, {@code traceability.csv} and, for each trace with serial frames,
     * {@code transcripts/ID.txt} into {@code outDir}, each atomically.
     *
     * @param tracesById each scenario's trace by scenario id; a scenario without one gets no diagrams
     * @param identity the run's identity, or null when not known (the summary then shows only the run)
     * @param requirements the requirement list the matrix is made against (may be empty)
     * @return the report file
     */
    public static Path write(Path outDir, RunResult run, Map<String, Trace> tracesById, RunIdentity identity,
            List<Requirement> requirements) {
        write((name, bytes) -> AtomicFile.write(outDir.resolve(name), bytes), run, tracesById, identity, requirements);
        return outDir.resolve("report.html");
    }

    private static void write(BiConsumer<String, byte[]> files, RunResult run, Map<String, Trace> tracesById,
            RunIdentity identity, List<Requirement> requirements) {
        Map<String, Section> sections = new HashMap<>();
        for (ScenarioResult s : run.scenarios()) {
            sections.put(s.id(), Section.of(s, tracesById.get(s.id())));
        }
        writeDrawn(files, run, sections, identity, requirements);
    }

    /** Writes the report of {@code run} from its scenarios' sections, drawn before (see {@link ReportDraft}). */
    static void writeDrawn(BiConsumer<String, byte[]> files, RunResult run, Map<String, Section> sections,
            RunIdentity identity, List<Requirement> requirements) {
        TraceabilityMatrix matrix = TraceabilityMatrix.of(requirements, run);
        files.accept("report.html", renderDrawn(run, sections, identity, matrix).getBytes(StandardCharsets.UTF_8));
        files.accept("traceability.csv", matrix.toCsv());
        for (ScenarioResult s : run.scenarios()) {
            Section section = sections.get(s.id());
            if (section != null && section.transcript() != null) {
                files.accept("transcripts/" + fileName(s.id()) + ".txt", section.transcript());
            }
        }
    }

    /**
     * One scenario's part of the report, drawn from its result and trace: its {@code <article>} (steps,
     * measurements, timing diagrams) and its serial transcript.
     *
     * @param html the article
     * @param transcript {@code transcripts/ID.txt}, or null when the trace has no serial frames (or there is
     *     no trace)
     */
    record Section(String html, byte[] transcript) {
        static Section of(ScenarioResult s, Trace t) {
            StringBuilder b = new StringBuilder(8 * 1024);
            scenario(b, s, t == null ? null : Waveforms.of(t, diagramWindows(s)));
            byte[] transcript = null;
            if (t != null) {
                SerialTranscript st = SerialTranscript.of(t);
                transcript = st.lines().isEmpty() ? null : st.toText();
            }
            return new Section(b.toString(), transcript);
        }
    }

    /** A value in its unit for people, four significant digits: {@code 80.00 kV}. */
    static String quantity(double v, String unit) {
        return String.format(java.util.Locale.ROOT, "%.4g", v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The time windows of the scenario's timing diagrams: all a report reads of its signals. */
    private static List<long[]> diagramWindows(ScenarioResult s) {
        List<long[]> windows = new java.util.ArrayList<>();
        for (MeasurementResult m : s.measurements()) {
            long[] w = TimingDiagram.window(m);
            if (w != null) {
                windows.add(w);
            }
        }
        return windows;
    }

    /** The report's HTML. */
    public static String render(RunResult run, Map<String, Trace> tracesById, RunIdentity identity,
            TraceabilityMatrix matrix) {
        Map<String, Section> sections = new HashMap<>();
        for (ScenarioResult s : run.scenarios()) {
            sections.put(s.id(), Section.of(s, tracesById.get(s.id())));
        }
        return renderDrawn(run, sections, identity, matrix);
    }

    private static String renderDrawn(RunResult run, Map<String, Section> sections, RunIdentity identity,
            TraceabilityMatrix matrix) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>hil run ")
                .append(esc(run.runId())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        summary(b, run, identity);
        traceability(b, matrix);
        b.append("<section id=\"scenarios\">\n<h2>Scenarios</h2>\n");
        for (ScenarioResult s : run.scenarios()) {
            Section section = sections.get(s.id());
            b.append(section != null ? section.html() : Section.of(s, null).html());
        }
        b.append("</section>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, RunResult run, RunIdentity id) {
        Verdict overall = Verdict.PASS;
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (ScenarioResult s : run.scenarios()) {
            counts.merge(s.status(), 1, Integer::sum);
            overall = overall.worst(s.status());
        }
        b.append("<header>\n<h1>Run ").append(esc(run.runId())).append(' ').append(badge(overall)).append("</h1>\n");
        b.append("<p class=\"counts\">").append(run.scenarios().size()).append(" scenarios");
        for (Verdict v : Verdict.values()) {
            b.append(" &middot; <span class=\"status-text ").append(statusClass(v)).append("\">")
                    .append(counts.getOrDefault(v, 0))
                    .append(' ').append(v.word()).append("</span>");
        }
        b.append("</p>\n");
        List<ScenarioResult> notPassed = run.scenarios().stream().filter(s -> s.status() != Verdict.PASS).toList();
        if (!notPassed.isEmpty()) {
            b.append("<p class=\"not-passed\">").append(notPassed.size()).append(notPassed.size() == 1 ? " scenario"
                    : " scenarios").append(" did not pass: ");
            for (int i = 0; i < notPassed.size(); i++) {
                ScenarioResult s = notPassed.get(i);
                b.append(i == 0 ? "" : ", ").append("<span class=\"verdict-of\"><a href=\"#").append(anchor("scn", s.id()))
                        .append("\">").append(esc(s.id())).append("</a> ").append(badge(s.status())).append("</span>");
            }
            b.append("</p>\n");
        }
        b.append("</header>\n<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"kv\">\n");
        row(b, "Rig", run.rig());
        row(b, "Seed", Long.toString(run.seed()));
        row(b, "Defects", run.defects().isEmpty() ? "none" : String.join(", ", run.defects()));
        row(b, "Started (UTC)", run.startedUtc());
        row(b, "Ended (UTC)", run.endedUtc() == null ? "not recorded" : run.endedUtc());
        row(b, "Tool", "hil " + run.toolVersion() + (id == null ? "" : " (build " + id.toolBuild() + ")"));
        if (id != null) {
            row(b, "Java", id.javaRuntime());
            row(b, "OS", id.os());
            row(b, "Host", id.host());
            row(b, "Fixture", id.fixture() == null ? "none (simulated rig)" : id.fixture().path() + "  sha256 "
                    + id.fixture().sha256());
            StringBuilder board = new StringBuilder();
            id.board().forEach((k, v) -> board.append(board.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            row(b, "Board (VER)", board.length() == 0 ? "not reported" : board.toString());
        }
        b.append("</table>\n");
        b.append("<table>\n<thead><tr><th>Scenario</th><th>Title</th><th>Status</th><th>Requirements</th>"
                + "<th>Measurements</th><th>Rig time</th></tr></thead>\n<tbody>\n");
        for (ScenarioResult s : run.scenarios()) {
            b.append("<tr><td><a href=\"#").append(anchor("scn", s.id())).append("\">").append(esc(s.id()))
                    .append("</a></td><td>").append(esc(s.title())).append("</td><td>").append(badge(s.status()))
                    .append("</td><td>").append(requirementLinks(s.requirements())).append("</td><td>")
                    .append(s.measurements().size() + s.values().size()).append("</td><td>").append(duration(s.simulatedNanos()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (id != null && !id.scenarioFiles().isEmpty()) {
            b.append("<h3>Scenario files</h3>\n<table>\n<thead><tr><th>File</th><th>SHA-256</th><th>Bytes</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (FileDigest f : id.scenarioFiles()) {
                b.append("<tr><td>").append(esc(f.path())).append("</td><td class=\"hash\">").append(f.sha256())
                        .append("</td><td>").append(f.sizeBytes()).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");
    }

    private static void traceability(StringBuilder b, TraceabilityMatrix matrix) {
        b.append("<section id=\"traceability\">\n<h2>Traceability</h2>\n");
        List<Requirement> uncovered = matrix.uncovered();
        if (!uncovered.isEmpty()) {
            b.append("<p class=\"warn\">").append(uncovered.size()).append(uncovered.size() == 1 ? " requirement is"
                    : " requirements are").append(" covered by no scenario in this run: ");
            for (int i = 0; i < uncovered.size(); i++) {
                b.append(i == 0 ? "" : ", ").append("<a href=\"#").append(anchor("req", uncovered.get(i).id()))
                        .append("\">").append(esc(uncovered.get(i).id())).append("</a>");
            }
            b.append("</p>\n");
        }
        b.append("<table class=\"matrix\">\n<thead><tr><th>Requirement</th><th>Standard</th><th>Text</th><th>Scenarios"
                + "</th><th>Verdict</th></tr></thead>\n<tbody>\n");
        for (TraceabilityMatrix.Row r : matrix.rows()) {
            b.append("<tr id=\"").append(anchor("req", r.requirement().id())).append("\" class=\"")
                    .append(r.coverage().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                    .append(esc(r.requirement().id())).append("</td><td>").append(esc(r.requirement().standard()))
                    .append("</td><td>").append(r.coverage() == TraceabilityMatrix.Coverage.UNKNOWN
                            ? "<em>not in the requirement list</em>" : esc(r.requirement().text())).append("</td><td>");
            for (ScenarioResult s : r.scenarios()) {
                b.append("<span class=\"verdict-of\"><a href=\"#").append(anchor("scn", s.id())).append("\">")
                        .append(esc(s.id())).append("</a> ").append(badge(s.status())).append("</span><br>");
            }
            b.append("</td><td>").append(r.verdict() == null ? "<span class=\"uncovered\">not covered</span>"
                    : badge(r.verdict())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void scenario(StringBuilder b, ScenarioResult s, Waveforms w) {
        b.append("<article class=\"scenario\" id=\"").append(anchor("scn", s.id())).append("\">\n<h3>")
                .append(esc(s.id())).append(' ').append(badge(s.status())).append("</h3>\n<p class=\"title\">")
                .append(esc(s.title())).append("</p>\n<table class=\"kv\">\n");
        row(b, "File", s.file() == null ? "built in Java" : s.file());
        b.append("<tr><th>Requirements</th><td>").append(requirementLinks(s.requirements())).append("</td></tr>\n");
        if (!s.tags().isEmpty()) {
            row(b, "Tags", String.join(", ", s.tags()));
        }
        row(b, "Rig time", Durations.format(s.simulatedNanos()));
        if (s.trace() != null) {
            row(b, "Trace", s.trace() + (s.traceSha256() == null ? "" : "  sha256 " + s.traceSha256()));
        }
        if (s.message() != null) {
            b.append("<tr><th>Message</th><td class=\"message status-text ").append(statusClass(s.status())).append("\">")
                    .append(esc(s.message())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!s.steps().isEmpty()) {
            b.append("<h4>Steps</h4>\n<table class=\"steps\">\n<thead><tr><th>#</th><th>Line</th><th>Step</th>"
                    + "<th>Start</th><th>Took</th><th>Status</th><th>Message</th></tr></thead>\n<tbody>\n");
            for (StepResult st : s.steps()) {
                b.append("<tr><td>").append(st.index() + 1).append("</td><td>").append(st.line() > 0 ? st.line() : "")
                        .append("</td><td><code>").append(esc(st.kind())).append("</code> ").append(esc(st.text()))
                        .append("</td><td>").append(duration(st.startNanos())).append("</td><td>")
                        .append(duration(st.endNanos() - st.startNanos())).append("</td><td>")
                        .append(badge(st.status())).append("</td><td>").append(esc(st.message())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        List<org.hilrig.runner.lot.LotStatistics.Row> repeats = org.hilrig.runner.lot.LotStatistics.ofRepeats(s);
        if (!repeats.isEmpty()) {
            b.append("<h4>Over the repeats</h4>\n<table class=\"repeats\">\n<thead><tr><th>Measurement</th><th>n</th>"
                    + "<th>Mean</th><th>SD</th><th>CV</th><th>Min</th><th>Max</th><th>Cpk</th></tr></thead>\n<tbody>\n");
            for (org.hilrig.runner.lot.LotStatistics.Row r : repeats) {
                b.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(r.n()).append("</td><td>")
                        .append(esc(quantity(r.mean(), r.unit()))).append("</td><td>").append(esc(quantity(r.sd(), r.unit())))
                        .append("</td><td>").append(r.cv() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", r.cv()))
                        .append("</td><td>").append(esc(quantity(r.min(), r.unit()))).append("</td><td>")
                        .append(esc(quantity(r.max(), r.unit()))).append("</td><td>")
                        .append(r.cpk() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", r.cpk())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
            repeats.stream().filter(org.hilrig.runner.lot.Histogram::charted)
                    .forEach(r -> b.append(org.hilrig.runner.lot.Histogram.figure(r, s.id() + " " + r.name(), "exposures")));
        }
        if (!s.values().isEmpty()) {
            b.append("<h4>Measured values</h4>\n<table class=\"values\">\n<thead><tr><th>Measurement</th>"
                    + "<th>Value</th><th>Uncertainty</th><th>Nominal</th><th>Min</th><th>Max</th><th>Margin</th>"
                    + "<th>Samples</th><th>Status</th></tr></thead>\n<tbody>\n");
            for (ValueResult v : s.values()) {
                Double margin = v.margin();
                b.append("<tr><td>").append(esc(v.name())).append("</td><td>").append(esc(quantity(v.value(), v.unit())))
                        .append("</td><td>&#177;").append(esc(quantity(v.uncertainty(), v.unit()))).append("</td><td>")
                        .append(v.nominal() == null ? "" : esc(quantity(v.nominal(), v.unit()))).append("</td><td>")
                        .append(v.min() == null ? "" : esc(quantity(v.min(), v.unit()))).append("</td><td>")
                        .append(v.max() == null ? "" : esc(quantity(v.max(), v.unit()))).append("</td><td")
                        .append(margin != null && margin < 0 ? " class=\"status-text " + statusClass(Verdict.FAIL) + "\""
                                : "").append('>')
                        .append(margin == null ? "" : esc(quantity(margin, v.unit()))).append("</td><td>")
                        .append(v.samples()).append("</td><td>").append(badge(v.status())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        if (!s.measurements().isEmpty()) {
            b.append("<h4>Measurements</h4>\n<table class=\"measurements\">\n<thead><tr><th>Measurement</th>"
                    + "<th>Value</th><th>Uncertainty</th><th>Min</th><th>Max</th><th>Margin</th><th>Status</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (MeasurementResult m : s.measurements()) {
                Long margin = m.marginNs();
                b.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(duration(m.valueNs()))
                        .append("</td><td>&#177;").append(duration(m.uncertaintyNs())).append("</td><td>")
                        .append(m.minNs() == null ? "" : duration(m.minNs())).append("</td><td>")
                        .append(m.maxNs() == null ? "" : duration(m.maxNs())).append("</td><td")
                        .append(margin != null && margin < 0 ? " class=\"status-text " + statusClass(Verdict.FAIL) + "\""
                                : "").append('>')
                        .append(margin == null ? "" : duration(margin)).append("</td><td>")
                        .append(badge(m.status())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
            for (MeasurementResult m : s.measurements()) {
                String svg = w == null ? null : TimingDiagram.of(w, m);
                if (svg == null) {
                    b.append("<p class=\"no-diagram\">No timing diagram for ").append(esc(m.name())).append(": ")
                            .append(w == null ? "the scenario has no trace." : "the measurement has no stimulus time.")
                            .append("</p>\n");
                } else {
                    b.append("<figure class=\"diagram\">").append(svg).append("<figcaption>").append(esc(m.name()))
                            .append(": ").append(duration(m.valueNs())).append(" &#177;")
                            .append(duration(m.uncertaintyNs()))
                            .append(m.minNs() == null && m.maxNs() == null ? "" : ", limit " + esc(TimingDiagram.limitText(m)))
                            .append(' ').append(badge(m.status())).append("</figcaption></figure>\n");
                }
            }
        }
        if (w != null && !w.frames.isEmpty()) {
            b.append("<details class=\"transcript\"><summary>Serial transcript (").append(w.frames.size())
                    .append(w.frames.size() == 1 ? " frame" : " frames").append(")</summary>\n<table>\n<thead><tr>"
                            + "<th>Time</th><th>Link</th><th>Dir</th><th>Bytes</th></tr></thead>\n<tbody>\n");
            for (Waveforms.Frame f : w.frames) {
                b.append("<tr><td>").append(duration(f.timeNanos())).append("</td><td>").append(esc(f.link()))
                        .append("</td><td>").append(esc(f.direction())).append("</td><td><code>")
                        .append(esc(SerialTranscript.printable(f.bytes()))).append("</code></td></tr>\n");
            }
            b.append("</tbody>\n</table>\n</details>\n");
        }
        b.append("</article>\n");
    }

    /** A duration as HTML that never breaks between the number and its unit ({@code 66.257&nbsp;ms}). */
    static String duration(long nanos) {
        return esc(Durations.format(nanos)).replace(" ", "&nbsp;");
    }

    private static String requirementLinks(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String r : ids) {
            b.append(b.length() == 0 ? "" : ", ").append("<a href=\"#").append(anchor("req", r)).append("\">")
                    .append(esc(r)).append("</a>");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** A status as a pill: the status word in white on the status colour. */
    private static String badge(Verdict v) {
        return "<span class=\"badge " + statusClass(v) + "\">" + v.word() + "</span>";
    }

    /**
     * The class that gives an element a status's colour, {@code status-pass} and so on. It sets only the
     * custom property {@code --status}; the element's own role (badge, status text, diagram mark) decides
     * whether that colour paints the text, the background or a stroke, so no element gets it for both.
     */
    static String statusClass(Verdict v) {
        return "status-" + v.word();
    }

    /** An HTML id: prefix, dash, and the id with anything but letters, digits, '-' and '_' as '_'. */
    static String anchor(String prefix, String id) {
        return prefix + "-" + fileName(id);
    }

    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Escapes text for HTML element content and attribute values; null becomes empty. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 1100px; color: #1b1f24; padding: 0 1em; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #d0d7de; padding-bottom: .2em; margin-top: 1.8em; }
            h3 { margin-top: 1.6em; } table { border-collapse: collapse; margin: .6em 0; }
            th, td { border: 1px solid #d0d7de; padding: .25em .5em; text-align: left; vertical-align: top; }
            thead th { background: #f6f8fa; } table.kv th { background: #f6f8fa; width: 11em; }
            .hash, code { font-family: ui-monospace, monospace; font-size: .9em; word-break: break-all; }
            .status-pass { --status: #1a7f37; } .status-fail { --status: #cf222e; }
            .status-inconclusive { --status: #bc4c00; } .status-error { --status: #6e40c9; }
            .badge { display: inline-block; padding: 0 .5em; border-radius: .8em; font-size: .85em; font-weight: 600;
              color: #fff; background: var(--status, #57606a); }
            .status-text { color: var(--status, inherit); }
            .warn { background: #fff8c5; border: 1px solid #d4a72c; padding: .4em .6em; }
            td a, .verdict-of { white-space: nowrap; } .not-passed { line-height: 1.8; }
            tr.uncovered td, span.uncovered { color: #9a6700; } tr.unknown td { color: #6e40c9; }
            article.scenario { border-top: 1px solid #d0d7de; }
            figure.diagram { margin: .8em 0; } .no-diagram { color: #57606a; font-size: .9em; } figcaption { font-size: .9em; color: #57606a; }
            svg.timing { background: #fff; border: 1px solid #d0d7de; font: 11px system-ui, sans-serif; }
            svg .limit { fill: rgba(26, 127, 55, .12); stroke: #1a7f37; stroke-dasharray: 4 3; }
            svg .limit-label { fill: #1a7f37; } svg .sig { fill: #1b1f24; }
            svg .row { stroke: #eaeef2; } svg .axis, svg .tick { stroke: #57606a; }
            svg .tick-label { fill: #57606a; text-anchor: middle; } svg .scale { fill: #57606a; text-anchor: end; font-size: 9px; }
            svg .wave { fill: none; stroke: #0969da; stroke-width: 1.5; } svg .analog { fill: none; stroke: #8250df; stroke-width: 1.2; }
            svg .unknown { fill: #eaeef2; stroke: #cf222e; stroke-width: .5; } svg .hiz { fill: #9a6700; }
            svg .bus { fill: none; stroke: #0969da; } svg .busy { fill: #ddf4ff; }
            svg .stimulus { stroke: #24292f; stroke-width: 1.5; stroke-dasharray: 2 2; }
            svg .uncertainty { fill: rgba(188, 76, 0, .18); }
            svg .response { stroke-width: 1.5; stroke: var(--status); } svg .response-label { fill: var(--status); font-weight: 600; }
            details.transcript { margin: .8em 0; } @media print { details.transcript { display: block; } }
            """;
}
