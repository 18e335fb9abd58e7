package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StoredStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code hil run} of a scenario that repeats, as one unit: its statistics over repeats in junit.xml (read back with
 * an XML parser, valid against the Jenkins schema) and in the results database, beside results.json's.
 */
class RunStatisticsOutputTest {
    private static final String REP = Path.of("..", "test-scenarios", "scenarios", "exposure", "exp-rep-001.yaml")
            .toString();
    /** The library's door interlock scenario: one exposure, no repeats. */
    private static final String DOOR = Path.of("..", "test-scenarios", "scenarios", "interlock", "int-door-001.yaml")
            .toString();

    @TempDir
    Path rigHome;

    private static JsonNode scenario(JsonNode results, String id) {
        for (JsonNode s : results.get("scenarios")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + id + " in results.json");
    }

    private static Element testcase(List<Element> cases, String name) {
        return cases.stream().filter(c -> c.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + name));
    }

    @Test
    void aRepeatingScenariosStatisticsAreInJunitXmlAndTheDatabaseAsInResultsJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");

        CommandResult r = CommandResult.hil("run", REP, DOOR, "--unit-seed", "5", "--out", out.toString(),
                "--rig-home", rigHome.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode repeats = scenario(results, "EXP-REP-001").get("statistics");
        assertThat(repeats.size()).isGreaterThanOrEqualTo(4);
        JsonNode door = scenario(results, "INT-DOOR-001");
        assertThat(door.get("statistics")).as("the door scenario does not repeat").isEmpty();

        JunitDocument junit = JunitDocument.read(out.resolve("junit.xml"));
        Element suite = junit.suites().get(0);
        Map<String, String> props = JunitDocument.properties(suite);
        assertThat(props).containsEntry("unit_seed", "5");
        assertThat(props.keySet()).noneMatch(k -> k.startsWith("INT-DOOR-001."));
        for (JsonNode row : repeats) {
            String key = "EXP-REP-001." + row.get("name").asText() + ".";
            assertThat(props.get(key + "n")).isEqualTo("10").isEqualTo(row.get("n").asText());
            assertThat(Double.parseDouble(props.get(key + "mean"))).isEqualTo(row.get("mean").asDouble());
            assertThat(Double.parseDouble(props.get(key + "sd"))).isEqualTo(row.get("sd").asDouble());
            if (row.get("cpk").isNull()) {
                assertThat(props).doesNotContainKey(key + "cpk");
            } else {
                assertThat(Double.parseDouble(props.get(key + "cpk"))).isEqualTo(row.get("cpk").asDouble());
            }
        }
        List<Element> cases = JunitDocument.testcases(suite);
        String repOut = JunitDocument.systemOut(testcase(cases, "EXP-REP-001"));
        List<String> lines = repOut.lines().toList();
        int trace = lines.indexOf(lines.stream().filter(l -> l.startsWith("trace: traces/EXP-REP-001.vcd sha256 "))
                .findFirst().orElseThrow());
        assertThat(lines.get(trace + 1)).isEqualTo("statistics over repeats:");
        assertThat(lines.subList(trace + 2, lines.size())).hasSize(repeats.size())
                .anySatisfy(l -> assertThat(l).startsWith("kv: n 10, mean ").contains(" kV, sd ").contains(", cpk "));
        assertThat(JunitDocument.systemOut(testcase(cases, "INT-DOOR-001"))).as("a scenario without repeats, as before")
                .endsWith("trace: traces/INT-DOOR-001.vcd sha256 " + door.get("trace_sha256").asText());

        try (ResultStore store = ResultStore.open(ResultStore.sqliteUrl(rigHome.resolve("results.db")))) {
            String runId = results.get("run_id").asText();
            assertThat(store.run(runId).orElseThrow().unitSeed()).isEqualTo(5L);
            List<StoredStatistics> stored = store.repeats().of(runId, "EXP-REP-001");
            assertThat(stored).hasSize(repeats.size());
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i).name()).isEqualTo(repeats.get(i).get("name").asText());
                assertThat(stored.get(i).mean()).isEqualTo(repeats.get(i).get("mean").asDouble());
            }
            assertThat(store.repeats().of(runId, "INT-DOOR-001")).isEmpty();
        }
    }
}
