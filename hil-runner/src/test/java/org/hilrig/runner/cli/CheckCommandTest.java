package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final String INTERLOCK_VCD = """
            $timescale 1us $end
            $scope module rig $end
            $var wire 1 ! door_closed $end
            $var wire 1 " hv_enable $end
            $var wire 1 # xray_on $end
            $var wire 8 $ kv_code [7:0] $end
            $upscope $end
            $enddefinitions $end
            #0 1! 1" 1# b1010000 $
            #5000 0!
            #5412 0"
            #5430 0#
            #7000 1!
            #8000
            """;
    private static final String CONTRACT_RULES = """
            rules:
              - id: DOOR-HV                 # any name
                requirement: REQ-ILK-001    # optional, carried into reports
                after: door_closed falls    # trigger: <signal> rises|falls
                expect: hv_enable falls     # response: the first such edge after the trigger
                within: 1ms                 # upper bound, or a window: [20ms, 1500ms]
              - id: NO-XRAY-WITH-DOOR-OPEN
                never: xray_on high while door_closed low
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int hil(String... args) {
        return Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void theContractsExamplePrintsTheContractsJsonAndFails() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", CONTRACT_RULES);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo("""
                {
                  "trace": "%s",
                  "rules_file": "%s",
                  "status": "fail",
                  "uncertainty_ns": 1000,
                  "end_ns": 8000000,
                  "rules": [
                    {
                      "id": "DOOR-HV",
                      "requirement": "REQ-ILK-001",
                      "status": "pass",
                      "after": "door_closed falls",
                      "expect": "hv_enable falls",
                      "min_ns": null,
                      "max_ns": 1000000,
                      "occurrences": [
                        {
                          "trigger_ns": 5000000,
                          "response_ns": 5412000,
                          "latency_ns": 412000,
                          "status": "pass"
                        }
                      ],
                      "worst_latency_ns": 412000
                    },
                    {
                      "id": "NO-XRAY-WITH-DOOR-OPEN",
                      "requirement": null,
                      "status": "fail",
                      "never": "xray_on high while door_closed low",
                      "longer_than_ns": null,
                      "violations": [
                        {
                          "start_ns": 5000000,
                          "end_ns": 5430000,
                          "duration_ns": 430000,
                          "status": "fail"
                        }
                      ],
                      "longest_overlap_ns": 430000
                    }
                  ]
                }
                """.formatted(trace, rules));
    }

    @Test
    void everyRulePassingExitsZero() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: rig.door_closed falls
                    expect: rig.hv_enable falls
                    within: [400us, 1ms]
                  - id: XRAY-TAIL
                    never: xray_on high while door_closed low
                    longer_than: 2ms
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(0);
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("pass");
        assertThat(json.at("/rules/1/violations").size()).isZero();
        assertThat(json.at("/rules/1/longest_overlap_ns").asLong()).isEqualTo(430_000);
    }

    @Test
    void anInconclusiveLatencyExitsOne() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls
                    within: 412us
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(1);
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("inconclusive");
        assertThat(json.at("/rules/0/occurrences/0/status").asText()).isEqualTo("inconclusive");
    }

    @Test
    void uncertaintyOptionReplacesTheTracesResolution() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls
                    within: 412us
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json", "--uncertainty", "0ns");

        assertThat(exit).isEqualTo(0);
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("uncertainty_ns").asLong()).isZero();
        assertThat(json.at("/rules/0/occurrences/0/status").asText()).isEqualTo("pass");
    }

    @Test
    void theTableShowsEachRuleItsLatenciesAndTheTotals() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", CONTRACT_RULES);

        int exit = hil("check", trace.toString(), "--rules", rules.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("""
                trace %s (ends at 8 ms)
                rules %s (times judged with an uncertainty of +/-1 us)

                RULE                    STATUS  CHECKED      WORST   LIMIT
                DOOR-HV                 pass    1 trigger    412 us  <= 1 ms
                NO-XRAY-WITH-DOOR-OPEN  FAIL    1 violation  430 us  none allowed

                DOOR-HV (REQ-ILK-001): after door_closed falls expect hv_enable falls within 1 ms
                  pass  door_closed falls at 5 ms, hv_enable falls at 5.412 ms: latency 412 us

                NO-XRAY-WITH-DOOR-OPEN: never xray_on high while door_closed low
                  FAIL  from 5 ms to 5.43 ms (430 us)

                2 rules: 1 pass, 1 fail, 0 inconclusive -> FAIL
                """.formatted(trace, rules));
    }

    @Test
    void theSampleFixturesShowPassingLatenciesAndTheStrictRuleFailing() {
        int exit = hil("check", "../fixtures/traces/door-interlock.vcd", "--rules", "../fixtures/rules/interlock.yaml");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains(
                "DOOR-HV                 pass    1 trigger     412 us   <= 1 ms",
                "NO-XRAY-WITH-DOOR-OPEN  FAIL    1 violation   430 us   none allowed",
                "EXPOSURE-START          pass    2 triggers    418 us   300 us .. 1 ms",
                "  pass  door_closed falls at 1.55 s, hv_enable falls at 1.550412 s: latency 412 us",
                "  FAIL  from 1.55 s to 1.55043 s (430 us)",
                "6 rules: 5 pass, 1 fail, 0 inconclusive -> FAIL");
    }

    @Test
    void aMissingTraceIsOneLineOfBadInput() throws Exception {
        Path rules = file("rules.yaml", CONTRACT_RULES);
        Path missing = dir.resolve("none.vcd");

        int exit = hil("check", missing.toString(), "--rules", rules.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("hil check: " + missing + ": no such file\n");
    }

    @Test
    void aMalformedTraceIsOneLineNamingItsPlace() throws Exception {
        Path trace = file("bad.vcd", INTERLOCK_VCD.replace("#5412 0\"", "#5412 0?"));
        Path rules = file("rules.yaml", CONTRACT_RULES);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("hil check: " + trace + ":11:").endsWith("\n").hasLineCount(1)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void everyProblemOfTheRulesFileIsPrintedOneALine() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls

                    within: 1xs
                  - id: NO-XRAY
                    never: xray_on high door_closed low
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo(
                "hil check: " + rules + ":6:13: rule 'DOOR-HV': 'within': '1xs' is not a duration"
                        + " (use ns, us, ms or s, e.g. 2.5ms)\n"
                        + "hil check: " + rules + ":8:12: rule 'NO-XRAY': 'never': 'xray_on high door_closed low'"
                        + " is not '<signal> high|low while <signal> high|low'\n");
    }

    @Test
    void aSignalTheTraceDoesNotHaveIsNamedWhereTheRuleWroteIt() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closd falls
                    expect: hv_enable falls
                    within: 1ms
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("hil check: " + rules + ":3:12: rule 'DOOR-HV': no signal 'door_closd'"
                + " in the trace (nearest: rig.door_closed, rig.xray_on, rig.hv_enable)\n");
    }

    @Test
    void aBadUncertaintyOrAMissingRulesOptionIsUsageError() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", CONTRACT_RULES);

        assertThat(hil("check", trace.toString(), "--rules", rules.toString(), "--uncertainty", "1xs")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(
                "hil check: --uncertainty: '1xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)\n");

        err.getBuffer().setLength(0);
        assertThat(hil("check", trace.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("hil check: Missing required option: '--rules=RULES.yaml'\n");
        assertThat(out.toString()).isEmpty();
    }
}
