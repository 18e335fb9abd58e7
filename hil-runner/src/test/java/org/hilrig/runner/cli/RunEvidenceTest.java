package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.ToolVersion;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StoredResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

/**
 * {@code hil run} end to end on real library scenarios: the output folder is evidence that {@code hil verify}
 * accepts, every scenario is in the results database, junit.xml is valid JUnit XML, the report has steps and
 * timing diagrams, and the console says where it all went.
 */
class RunEvidenceTest {
    /** Three library scenarios: a door interlock on the generator, a protocol exchange, a normal exposure. */
    static final List<String> SCENARIOS = List.of("test-scenarios/scenarios/interlock/int-door-001.yaml",
            "test-scenarios/scenarios/exposure/exp-norm-001.yaml", "test-scenarios/scenarios/handswitch/hsw-boot-001.yaml");

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int hil(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path rigHome() {
        return tmp.resolve("rig");
    }

    private List<String> runArgs(Path outDir, String... more) {
        List<String> args = new ArrayList<>(List.of("run"));
        for (String s : SCENARIOS) {
            args.add(Library.home().resolve(s).toString());
        }
        args.addAll(List.of("--out", outDir.toString(), "--rig-home", rigHome().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private int run(Path outDir, String... more) {
        return hil(runArgs(outDir, more).toArray(new String[0]));
    }

    @Test
    void aFreshRunIsSealedSignedAndVerifiesIntactAndTheConsoleEndsSayingWhereItWent() throws Exception {
        assertThat(hil("keygen", "--rig-home", rigHome().toString())).as(err.toString()).isZero();
        Path outDir = tmp.resolve("out");

        int code = run(outDir);

        assertThat(code).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("evidence: " + outDir + " sealed (").contains("signed by ")
                .endsWith("check it with: hil verify " + outDir + " --rig-home " + rigHome());
        assertThat(lines.subList(lines.size() - 3, lines.size() - 1))
                .containsExactly("report: " + outDir.resolve("report.html"), "results database: "
                        + ResultStore.sqliteUrl(rigHome().resolve("results.db")) + " (run " + runId(outDir) + ")");
        assertThat(outDir.resolve("INCOMPLETE")).doesNotExist();

        assertThat(hil("verify", outDir.toString(), "--rig-home", rigHome().toString())).as(out.toString()).isZero();
        assertThat(out.toString()).startsWith(outDir + ": intact (").contains("signed by");
    }

    @Test
    void editingOneByteOfATraceMakesVerifyExitOneNamingTheFile() throws Exception {
        Path outDir = tmp.resolve("out");
        assertThat(run(outDir)).as(out + "\n" + err).isZero();
        Path vcd = outDir.resolve("traces/INT-DOOR-001.vcd");
        byte[] bytes = Files.readAllBytes(vcd);
        int i = bytes.length / 2;
        bytes[i] = (byte) (bytes[i] == '0' ? '1' : '0');
        Files.write(vcd, bytes);

        int code = hil("verify", outDir.toString(), "--rig-home", rigHome().toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains(outDir + ": NOT INTACT").contains("traces/INT-DOOR-001.vcd");
    }

    @Test
    void everyScenarioGoesToTheResultsDatabaseWithItsMeasurements() throws Exception {
        Path outDir = tmp.resolve("out");

        assertThat(run(outDir)).as(out + "\n" + err).isZero();

        try (ResultStore db = ResultStore.open(ResultStore.sqliteUrl(rigHome().resolve("results.db")))) {
            assertThat(db.run(runId(outDir))).get().satisfies(r -> {
                assertThat(r.scenarioCount()).isEqualTo(3);
                assertThat(r.endedUtc()).isNotNull();
            });
            List<StoredResult> latest = db.latestResults("INT-DOOR-001", null, 1);
            assertThat(latest).singleElement().satisfies(r -> {
                assertThat(r.runId()).isEqualTo(runId(outDir));
                assertThat(r.measurements()).extracting(m -> m.name()).contains("door_to_hv_off");
            });
        }
    }

    @Test
    void noDbRecordsNothingAndAnExplicitDbIsUsedInsteadOfTheRigHomes() throws Exception {
        assertThat(run(tmp.resolve("a"), "--no-db")).as(err.toString()).isZero();
        assertThat(rigHome().resolve("results.db")).doesNotExist();
        assertThat(out.toString()).doesNotContain("results database:");

        Path other = tmp.resolve("other.db");
        assertThat(run(tmp.resolve("b"), "--db", ResultStore.sqliteUrl(other))).as(err.toString()).isZero();
        assertThat(rigHome().resolve("results.db")).doesNotExist();
        try (ResultStore db = ResultStore.open(ResultStore.sqliteUrl(other))) {
            assertThat(db.run(runId(tmp.resolve("b")))).get().extracting(r -> r.scenarioCount()).isEqualTo(3);
        }
    }

    @Test
    void anUnsupportedDatabaseIsBadInputBeforeAnyFolderIsMade() throws Exception {
        Path outDir = tmp.resolve("out");

        int code = run(outDir, "--db", "jdbc:mysql://localhost/hil");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("hil run: ").contains("'jdbc:mysql://localhost/hil' is not a "
                + "supported database URL");
        assertThat(outDir).doesNotExist();
    }

    @Test
    void identityRecordsTheToolTheBoardsAsTheyAnsweredVerAndEveryScenarioFileWithItsHash() throws Exception {
        Path outDir = tmp.resolve("out");

        assertThat(run(outDir, "--seed", "7")).as(out + "\n" + err).isZero();

        JsonNode id = new ObjectMapper().readTree(outDir.resolve("identity.json").toFile());
        assertThat(id.get("run_id").asText()).isEqualTo(runId(outDir));
        assertThat(id.get("rig").asText()).isEqualTo("sim");
        assertThat(id.get("fixture").isNull()).isTrue();
        assertThat(id.get("seed").asLong()).isEqualTo(7);
        assertThat(id.get("java").asText()).contains(System.getProperty("java.runtime.version"));
        assertThat(id.get("tool_version").asText()).isEqualTo(ToolVersion.version());
        JsonNode board = id.get("board");
        assertThat(board.get("GEN.board").asText()).isEqualTo("GEN");
        assertThat(board.get("GEN.proto").asText()).isEqualTo("1");
        assertThat(board.get("GEN.fw").asText()).isNotBlank();
        assertThat(board.get("GEN.sn").asText()).isNotBlank();
        assertThat(id.get("started_utc").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(id.get("ended_utc").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        List<String> paths = new ArrayList<>();
        for (JsonNode f : id.get("scenario_files")) {
            String path = f.get("path").asText();
            paths.add(path);
            assertThat(f.get("sha256").asText()).as(path).isEqualTo(FileDigest.of(Library.home().resolve(path)).sha256());
            assertThat(outDir.resolve("scenarios").resolve(path)).hasSameBinaryContentAs(Library.home().resolve(path));
        }
        assertThat(paths).containsExactlyInAnyOrderElementsOf(SCENARIOS);
        assertThat(outDir.resolve("requirements.yaml"))
                .hasSameBinaryContentAs(Library.home().resolve("test-scenarios/requirements.yaml"));
    }

    @Test
    void theReportShowsEveryScenarioWithItsStepsAndATimingDiagramPerPlacedMeasurement() throws Exception {
        Path outDir = tmp.resolve("out");

        assertThat(run(outDir)).as(out + "\n" + err).isZero();

        String html = Files.readString(outDir.resolve("report.html"));
        JsonNode results = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
        int measurements = 0;
        for (JsonNode s : results.get("scenarios")) {
            measurements += s.get("measurements").size();
            assertThat(html).contains("id=\"scn-" + s.get("id").asText() + "\"");
        }
        assertThat(measurements).isGreaterThan(3);
        assertThat(count(html, "<svg class=\"timing\"")).isEqualTo(measurements);
        assertThat(count(html, "<table class=\"steps\">")).isEqualTo(3);
        assertThat(html).contains("<code>set</code> PREP_REQ active").contains("<code>expect</code> HV_ENABLE becomes inactive within profile.limits.interlock_to_hv_off")
                .doesNotContain("the measurement has no stimulus time");
        String csv = Files.readString(outDir.resolve("traceability.csv"));
        assertThat(csv).startsWith("requirement,standard,text,coverage,verdict,scenarios\r\n")
                .contains("REQ-ILK-001,").contains("INT-DOOR-001=pass");
    }

    @Test
    void junitXmlOfARealRunIsValidAgainstTheJenkinsJunitSchemaWithFailuresToo() throws Exception {
        Path outDir = tmp.resolve("out");

        int code = run(outDir, "--defect", "slow_interlock");

        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        String xml = Files.readString(outDir.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("<failure type=\"fail\"");
        validate(xml);
    }

    @Test
    void theSchemaRejectsABrokenAttribute() throws Exception {
        Path outDir = tmp.resolve("out");
        assertThat(run(outDir)).as(out + "\n" + err).isZero();
        String xml = Files.readString(outDir.resolve("junit.xml"), StandardCharsets.UTF_8);
        validate(xml);

        String unknownAttribute = xml.replaceFirst("<testcase ", "<testcase file=\"door.yaml\" ");
        String requiredMissing = xml.replaceFirst(" tests=\"3\"", "");
        assertThatThrownBy(() -> validate(unknownAttribute)).isInstanceOf(SAXParseException.class)
                .hasMessageContaining("file");
        assertThatThrownBy(() -> validate(requiredMissing)).isInstanceOf(SAXParseException.class)
                .hasMessageContaining("tests");
    }

    private static void validate(String xml) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(RunEvidenceTest.class.getResource("/schema/jenkins-junit.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static String runId(Path outDir) throws Exception {
        return new ObjectMapper().readTree(outDir.resolve("results.json").toFile()).get("run_id").asText();
    }

    private static int count(String text, String literal) {
        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
