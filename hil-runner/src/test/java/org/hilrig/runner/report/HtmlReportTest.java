package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path out;
    String html;

    @BeforeEach
    void writeReport() throws Exception {
        HtmlReport.write(out, ReportFixture.run(), Map.of("INT-DOOR-003", ReportFixture.doorTrace()),
                ReportFixture.identity(), ReportFixture.requirements());
        html = Files.readString(out.resolve("report.html"));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theReportIsOneFileThatFetchesNothing() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=").doesNotContain("http:")
                .doesNotContain("https:").doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
    }

    @Test
    void eachMeasurementWithAPlaceInItsTraceGetsADiagramWithItsLimitWindow() {
        assertThat(count(html, "<svg class=\"timing\"")).isEqualTo(2);
        // window: 200 us before the stimulus at 100 ms to 200 us after the 1 ms limit, over 600 px from x = 170
        assertThat(html).contains("<rect class=\"limit\" x=\"255.7\" y=\"22\" width=\"428.6\"")
                .contains("<text class=\"limit-label\" x=\"258.7\" y=\"18\">limit \u2264 1 ms</text>")
                .contains("<line class=\"stimulus\" x1=\"255.7\"")
                .contains("<line class=\"response status-pass\" x1=\"432.3\"")
                .contains(">+412 us</text>");
    }

    @Test
    void aDiagramLabelsEachSignalWithItsFullPathSoTheSideShows() throws Exception {
        Path every = Files.createDirectories(out.resolve("every"));
        String report = Files.readString(HtmlReport.write(every, ReportFixture.everyVerdictRun(),
                ReportFixture.everyVerdictTraces(), ReportFixture.identity(), ReportFixture.requirements()));
        String prep = report.substring(report.indexOf("aria-label=\"timing of prep_to_gen_prep\""));

        assertThat(prep.substring(0, prep.indexOf("</svg>"))).containsSubsequence(
                "<text class=\"sig\" x=\"4\" y=\"45\">rig.prep_req</text>",
                "<text class=\"sig\" x=\"4\" y=\"75\">gen.prep_req</text>");
    }

    @Test
    void withoutNamedSignalsADiagramDrawsThoseWithAnEdgeAtTheStimulusOrTheResponseFirst() {
        Trace t = busyDoorTrace();
        MeasurementResult m = new MeasurementResult("door_to_hv_off", 412 * ReportFixture.US, null, ReportFixture.MS,
                0, Verdict.PASS, 100 * ReportFixture.MS, List.of());

        String svg = TimingDiagram.of(Waveforms.of(t), m);

        assertThat(count(svg, "<text class=\"sig\"")).isEqualTo(TimingDiagram.MAX_SIGNALS);
        // trace order, the two with an edge at a mark kept although ten others change earlier in the trace's order
        assertThat(svg).containsSubsequence(">rig.busy_0</text>", ">rig.busy_5</text>", ">plant.door_closed</text>",
                ">gen.hv_enable</text>").doesNotContain(">rig.busy_6</text>");
    }

    @Test
    void aMeasurementFromAFaultNamingOnlyItsResponseIsDrawnWithTheLinesTheFaultMoved() {
        MeasurementResult m = new MeasurementResult("door_to_hv_off", 412 * ReportFixture.US, null, ReportFixture.MS,
                0, Verdict.PASS, 100 * ReportFixture.MS, List.of("gen.hv_enable"));

        String svg = TimingDiagram.of(Waveforms.of(busyDoorTrace()), m);

        assertThat(count(svg, "<text class=\"sig\"")).isEqualTo(2);
        assertThat(svg).containsSubsequence(">plant.door_closed</text>", ">gen.hv_enable</text>");
    }

    /** Ten rig lines rising 200 us after the door opens at 100 ms, declared first; HV off 412 us after the door. */
    private static Trace busyDoorTrace() {
        Trace t = new Trace();
        int[] busy = new int[10];
        for (int i = 0; i < busy.length; i++) {
            busy[i] = t.declareDigital("rig.busy_" + i);
        }
        int door = t.declareDigital("plant.door_closed");
        int hv = t.declareDigital("gen.hv_enable");
        for (int b : busy) {
            t.digital(0, b, Level.LOW);
        }
        t.digital(0, door, Level.HIGH);
        t.digital(0, hv, Level.HIGH);
        t.digital(100 * ReportFixture.MS, door, Level.LOW);
        for (int b : busy) {
            t.digital(100 * ReportFixture.MS + 200 * ReportFixture.US, b, Level.HIGH);
        }
        t.digital(100 * ReportFixture.MS + 412 * ReportFixture.US, hv, Level.LOW);
        t.end(120 * ReportFixture.MS);
        return t;
    }

    @Test
    void aLabelInThePlotsRightHalfEndsLeftOfItsMarkSoTheDiagramsEdgeCannotCutItOff() {
        MeasurementResult m = ReportFixture.prep().measurements().get(0);

        String svg = TimingDiagram.of(Waveforms.of(ReportFixture.prepTrace()), m);

        // the plot spans 0 to 1.87 s (1.56 s, the response plus its uncertainty, plus a fifth of 1.55 s) over
        // 600 px from x 170: the response at 1.46 s is at x 638.4, right of the middle; the limit's start at 30 ms
        // at x 179.6, left of it. Three rows of 30 px from y 26, then the marks band: the value's baseline at 128.
        assertThat(svg).contains("<line class=\"response status-inconclusive\" x1=\"638.4\"")
                .contains("<text class=\"response-label status-inconclusive\" x=\"635.4\" y=\"128\" "
                        + "text-anchor=\"end\">+1.45 s</text>")
                .contains("<text class=\"limit-label\" x=\"182.6\" y=\"18\">limit 20 ms to 1.5 s</text>");
    }

    @Test
    void theHeaderNamesTheScenariosThatDidNotPass() {
        assertThat(html).contains("<p class=\"not-passed\">1 scenario did not pass: <span class=\"verdict-of\">"
                + "<a href=\"#scn-ARC-_4_\">ARC-&lt;4&gt;</a> <span class=\"badge status-fail\">fail</span></span></p>");
    }

    @Test
    void aPathTooLongForTheLabelColumnIsShortenedInTheMiddleKeepingItsSideAndName() {
        assertThat(TimingDiagram.label("rig.fixture.gpio_bank_2.door_closed")).isEqualTo("rig.\u2026_bank_2.door_closed")
                .hasSize(TimingDiagram.LABEL_CHARS);
        assertThat(TimingDiagram.label("a_very_long_top_level_signal_name")).isEqualTo("\u2026g_top_level_signal_name")
                .hasSize(TimingDiagram.LABEL_CHARS);
        assertThat(TimingDiagram.label("rig.gen.hv_enable")).isEqualTo("rig.gen.hv_enable");
    }

    @Test
    void aMeasurementWithoutATraceSaysWhyItHasNoDiagram() {
        assertThat(html).contains("<p class=\"no-diagram\">No timing diagram for arc_to_abort: the scenario has no "
                + "trace.</p>");
    }

    @Test
    void theDiagramDrawsTheNamedSignalsInOrderWithTheirEdges() {
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));

        assertThat(svg).containsSubsequence(">rig.door_closed</text>", ">rig.gen.hv_enable</text>", ">rig.gen.xray_on</text>",
                ">rig.kv_fb</text>");
        // door_closed falls at the stimulus (x 255.7), hv_enable at the response (x 432.3)
        assertThat(svg).contains("M170.0,32.0L170.0,32.0L255.7,32.0L255.7,32.0L255.7,50.0L770.0,50.0")
                .contains("L432.3,62.0L432.3,80.0L770.0,80.0");
        assertThat(svg).contains("<text class=\"scale\" x=\"766\" y=\"129.0\">80</text>");
    }

    @Test
    void measurementsShowLimitsMarginsAndUncertainty() {
        // durations never break between number and unit
        assertThat(html).contains("<tr><td>door_to_hv_off</td><td>412&nbsp;us</td><td>&#177;1&nbsp;us</td><td></td>"
                + "<td>1&nbsp;ms</td><td>588&nbsp;us</td><td><span class=\"badge status-pass\">pass</span></td></tr>");
        assertThat(html).contains("<tr><td>arc_to_abort</td><td>1.5&nbsp;ms</td><td>&#177;0&nbsp;ns</td><td></td>"
                + "<td>1&nbsp;ms</td><td class=\"status-text status-fail\">-500&nbsp;us</td>");
    }

    @Test
    void stepsAreListedWithTheirLinesAndTimes() {
        assertThat(html).contains("<tr><td>4</td><td>14</td><td><code>expect</code> HV_ENABLE becomes inactive within 1ms"
                + "</td><td>100&nbsp;ms</td><td>412&nbsp;us</td>");
    }

    @Test
    void theSerialTranscriptIsInTheReportAndBesideIt() throws Exception {
        assertThat(html).contains("<summary>Serial transcript (2 frames)</summary>")
                .contains("<code>&lt;STX&gt;01,VER,683C&lt;ETX&gt;</code>");
        assertThat(Files.readString(out.resolve("transcripts/INT-DOOR-003.txt"))).isEqualTo(
                "          1 ms  gen tx  <STX>01,VER,683C<ETX>\n"
                        + "          2 ms  gen rx  <STX>01,ACK,VER,board=GEN,fw=1.0.0,proto=1,sn=GEN-0001,69F0<ETX>\n");
    }

    @Test
    void textFromScenariosIsEscaped() {
        assertThat(html).doesNotContain("<script>").contains("Fourth arc aborts &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("id=\"scn-ARC-_4_\"");
    }

    @Test
    void theSummaryCarriesTheRunsIdentity() {
        assertThat(html).contains("<tr><th>Board (VER)</th><td>board=GEN, fw=1.0.0, sn=GEN-0001</td></tr>")
                .contains("<tr><th>Defects</th><td>ARC_LIMIT_OFF_BY_ONE</td></tr>")
                .contains("<tr><th>Fixture</th><td>none (simulated rig)</td></tr>")
                .contains("<td>scenarios/interlock/door-open.yaml</td><td class=\"hash\">"
                        + FileDigest256.of("id: INT-DOOR-003"))
                .contains("<span class=\"badge status-fail\">fail</span></h1>");
    }

    @Test
    void theMatrixListsRequirementsNoScenarioCoversAndIdsNotInTheList() throws Exception {
        assertThat(html).contains("1 requirement is covered by no scenario in this run: <a href=\"#req-REQ-HEAT-001\">"
                + "REQ-HEAT-001</a>");
        assertThat(html).contains("<tr id=\"req-REQ-TYPO-9\" class=\"unknown\"><td>REQ-TYPO-9</td><td></td><td><em>not "
                + "in the requirement list</em>");
        assertThat(new String(Files.readAllBytes(out.resolve("traceability.csv")), StandardCharsets.UTF_8)).isEqualTo(
                "requirement,standard,text,coverage,verdict,scenarios\r\n"
                        + "REQ-ILK-001,IEC 60601-2-54 203.6.4,\"An open door ends HV within 1 ms, \"\"always\"\"\","
                        + "covered,pass,INT-DOOR-003=pass\r\n"
                        + "REQ-ARC-002,,The fourth arc aborts the exposure,covered,fail,ARC-<4>=fail\r\n"
                        + "REQ-HEAT-001,spec 4.2,Techniques beyond the anode heat limit are refused,uncovered,,\r\n"
                        + "REQ-TYPO-9,,,unknown,fail,ARC-<4>=fail\r\n");
    }

    /** SHA-256 of a string's UTF-8 bytes. */
    private static final class FileDigest256 {
        static String of(String s) {
            return org.hilrig.runner.evidence.FileDigest.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
