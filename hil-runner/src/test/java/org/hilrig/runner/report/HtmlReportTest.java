package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                .contains("<line class=\"response pass\" x1=\"432.3\"")
                .contains(">+412 us</text>");
    }

    @Test
    void aMeasurementWithoutATraceSaysWhyItHasNoDiagram() {
        assertThat(html).contains("<p class=\"no-diagram\">No timing diagram for arc_to_abort: the scenario has no "
                + "trace.</p>");
    }

    @Test
    void theDiagramDrawsTheNamedSignalsInOrderWithTheirEdges() {
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));

        assertThat(svg).containsSubsequence(">door_closed</text>", ">hv_enable</text>", ">xray_on</text>", ">kv_fb</text>");
        // door_closed falls at the stimulus (x 255.7), hv_enable at the response (x 432.3)
        assertThat(svg).contains("M170.0,32.0L170.0,32.0L255.7,32.0L255.7,32.0L255.7,50.0L770.0,50.0")
                .contains("L432.3,62.0L432.3,80.0L770.0,80.0");
        assertThat(svg).contains("<text class=\"scale\" x=\"766\" y=\"129.0\">80</text>");
    }

    @Test
    void measurementsShowLimitsMarginsAndUncertainty() {
        assertThat(html).contains("<tr><td>door_to_hv_off</td><td>412 us</td><td>&#177;1 us</td><td></td><td>1 ms</td>"
                + "<td class=\"\">588 us</td><td><span class=\"badge pass\">pass</span></td></tr>");
        assertThat(html).contains("<tr><td>arc_to_abort</td><td>1.5 ms</td><td>&#177;0 ns</td><td></td><td>1 ms</td>"
                + "<td class=\"fail\">-500 us</td>");
    }

    @Test
    void stepsAreListedWithTheirLinesAndTimes() {
        assertThat(html).contains("<tr><td>4</td><td>14</td><td><code>expect</code> HV_ENABLE becomes inactive within 1ms"
                + "</td><td>100 ms</td><td>412 us</td>");
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
                .contains("<span class=\"badge fail\">fail</span></h1>");
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
