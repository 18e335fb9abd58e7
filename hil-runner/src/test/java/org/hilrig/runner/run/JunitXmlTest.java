package org.hilrig.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** junit.xml's text: what it had before statistics came stays byte for byte; the statistics only add. */
class JunitXmlTest {
    private static final ScenarioResult DOOR = new ScenarioResult("INT-DOOR-003", "Door <opened>", "lib/door.yaml",
            Verdict.FAIL, List.of("REQ-ILK-001", "REQ-ILK-002"), List.of(),
            List.of(new MeasurementResult("door_to_hv_off", 1_200_000, null, 1_000_000L, 1_000, Verdict.FAIL)),
            "traces/INT-DOOR-003.vcd", "ab12", "HV_ENABLE fell 1.2 ms after \"door\"", 300_000_000L, List.of(),
            List.of(new ValueResult("kv", 80.21, "kV", 80.0, 76.6, 83.4, 0, Verdict.PASS, 1, 2, List.of(), 10)));
    private static final ScenarioResult BOOT = new ScenarioResult("COM-BOOT-001", "VER", null, Verdict.PASS,
            List.of("REQ-COM-006"), List.of(), List.of(), "traces/COM-BOOT-001.vcd", "cd34", null, 1_500L);

    /** The text the writer gave for this run before issue 12's statistics (8ac5bee), byte for byte. */
    private static final String BEFORE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="hil run r1" tests="2" failures="1" errors="0" skipped="0" time="0.300002" \
            timestamp="2026-12-01T10:00:00Z">
                <properties>
                  <property name="rig" value="sim"/>
                  <property name="seed" value="42"/>
                  <property name="defects" value="SLOW_INTERLOCK"/>
                  <property name="tool_version" value="dev"/>
                </properties>
                <testcase classname="hil.sim" name="INT-DOOR-003" time="0.300000">
                  <failure type="fail" message="HV_ENABLE fell 1.2 ms after &quot;door&quot;">Door &lt;opened&gt;: \
            HV_ENABLE fell 1.2 ms after &quot;door&quot;</failure>
                  <system-out>Door &lt;opened&gt;
            file: lib/door.yaml
            requirements: REQ-ILK-001, REQ-ILK-002
            door_to_hv_off: 1.2 ms &lt;= 1 ms fail
            kv: 80.21 kV in [76.60 kV, 83.40 kV] pass
            trace: traces/INT-DOOR-003.vcd sha256 ab12</system-out>
                </testcase>
                <testcase classname="hil.sim" name="COM-BOOT-001" time="0.000002">
                  <system-out>VER
            requirements: REQ-COM-006
            trace: traces/COM-BOOT-001.vcd sha256 cd34</system-out>
                </testcase>
              </testsuite>
            </testsuites>
            """;

    private static RunResult run(Long unitSeed, ScenarioResult... scenarios) {
        return new RunResult("r1", "sim", 42, List.of("SLOW_INTERLOCK"), "2026-12-01T10:00:00Z", "2026-12-01T10:01:00Z",
                "dev", List.of(scenarios), unitSeed);
    }

    /** {@code s} taken three times, its kV 79.9, 80.1, 80.3. */
    private static ScenarioResult threeTimes(ScenarioResult s) {
        List<ValueResult> values = new ArrayList<>();
        for (double kv : new double[] {79.9, 80.1, 80.3}) {
            values.add(new ValueResult("kv", kv, "kV", 80.0, 76.6, 83.4, 0, Verdict.PASS, 1, 2, List.of(), 10));
        }
        return new ScenarioResult(s.id(), s.title(), s.file(), s.status(), s.requirements(), s.tags(),
                s.measurements(), s.trace(), s.traceSha256(), s.message(), s.simulatedNanos(), s.steps(), values);
    }

    @Test
    void aRunWithoutRepeatsOrUnitSeedIsWrittenAsBefore() {
        assertThat(JunitXml.text(run(null, DOOR, BOOT))).isEqualTo(BEFORE);
    }

    @Test
    void repeatsAddTheirStatisticsAfterTheTraceLineAndAsSuitePropertiesAndAUnitItsSeed() {
        String text = JunitXml.text(run(7L, threeTimes(DOOR), BOOT));

        assertThat(text).contains("""
                      <property name="tool_version" value="dev"/>
                      <property name="unit_seed" value="7"/>
                      <property name="INT-DOOR-003.kv.n" value="3"/>
                      <property name="INT-DOOR-003.kv.mean" value="80.1"/>
                """).contains("<property name=\"INT-DOOR-003.kv.cpk\" value=\"5.5000000000")
                .contains("""
                trace: traces/INT-DOOR-003.vcd sha256 ab12
                statistics over repeats:
                kv: n 3, mean 80.10 kV, sd 0.2000 kV, cv 0.00250, min 79.90 kV, max 80.30 kV, limits in [76.60 kV, \
                83.40 kV], cpk 5.50, 0 outside</system-out>
                """);
        assertThat(text.replaceAll("(?m)^      <property name=\"(unit_seed|INT-DOOR-003\\.).*\n", "")
                .replaceAll("\nstatistics over repeats:\n[^<]*</system-out>", "</system-out>")
                .replace("kv: 79.90 kV in [76.60 kV, 83.40 kV] pass\nkv: 80.10 kV in [76.60 kV, 83.40 kV] pass\n"
                        + "kv: 80.30 kV in [76.60 kV, 83.40 kV] pass\n", "kv: 80.21 kV in [76.60 kV, 83.40 kV] pass\n"))
                .as("without what was added, the text of before").isEqualTo(BEFORE);
    }
}
