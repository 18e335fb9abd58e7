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
                  "list_limit": 1000,
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
                      "worst_latency_ns": 412000,
                      "occurrence_count": 1,
                      "occurrences_truncated": false,
                      "pass_count": 1,
                      "inconclusive_count": 0,
                      "fail_count": 0,
                      "exercised": true,
                      "unexercised_reason": null,
                      "allow_unexercised": false
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
                      "longest_overlap_ns": 430000,
                      "violation_count": 1,
                      "violations_truncated": false,
                      "exercised": true,
                      "unexercised_reason": null,
                      "allow_unexercised": false
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
                        + " is not '<signal> <state> [while <signal> <state>] [for more than <limit>]'"
                        + " (a state is active, high, inactive or low)\n");
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
        assertThat(err.toString()).isEqualTo("hil check: Missing required option: '--rules=RULES.yaml' (try 'hil check --help')\n");
        assertThat(out.toString()).isEmpty();
    }

    // ---- evidence: a rule the trace did not exercise is no pass ----------------------------------

    private static final String QUIET_VCD = """
            $timescale 1us $end
            $scope module rig $end
            $var wire 1 ! door_closed $end
            $var wire 1 " hv_enable $end
            $var wire 1 # xray_on $end
            $upscope $end
            $enddefinitions $end
            #0 1! 1" 0#
            """;

    @Test
    void aTraceWithNoValueChangesPassesNoRuleAndExitsOne() throws Exception {
        Path trace = file("quiet.vcd", QUIET_VCD);
        Path rules = file("rules.yaml", CONTRACT_RULES);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("inconclusive");
        assertThat(json.at("/rules/0/status").asText()).isEqualTo("inconclusive");
        assertThat(json.at("/rules/0/exercised").asBoolean()).isFalse();
        assertThat(json.at("/rules/0/unexercised_reason").asText()).isEqualTo("no 'door_closed falls' in the trace");
        assertThat(json.at("/rules/0/occurrence_count").asLong()).isZero();
        assertThat(json.at("/rules/1/status").asText()).isEqualTo("inconclusive");
        assertThat(json.at("/rules/1/unexercised_reason").asText())
                .isEqualTo("'door_closed low' never held in the trace");
    }

    @Test
    void theTableSaysWhyARuleWasNotExercised() throws Exception {
        Path trace = file("quiet.vcd", QUIET_VCD + "#1000\n");
        Path rules = file("rules.yaml", CONTRACT_RULES);

        int exit = hil("check", trace.toString(), "--rules", rules.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("""
                trace %s (ends at 1 ms)
                rules %s (times judged with an uncertainty of +/-1 us)

                RULE                    STATUS        CHECKED       WORST  LIMIT
                DOOR-HV                 INCONCLUSIVE  0 triggers    -      <= 1 ms
                NO-XRAY-WITH-DOOR-OPEN  INCONCLUSIVE  0 violations  -      none allowed

                DOOR-HV (REQ-ILK-001): after door_closed falls expect hv_enable falls within 1 ms
                  not exercised: no 'door_closed falls' in the trace -> INCONCLUSIVE (allow it with allow_unexercised: true or --allow-unexercised)

                NO-XRAY-WITH-DOOR-OPEN: never xray_on high while door_closed low
                  not exercised: 'door_closed low' never held in the trace -> INCONCLUSIVE (allow it with allow_unexercised: true or --allow-unexercised)

                2 rules: 0 pass, 0 fail, 2 inconclusive; 2 not exercised -> INCONCLUSIVE
                """.formatted(trace, rules));
    }

    @Test
    void aDoorOpenForTheWholeTraceWithNothingMovingIsNoEvidenceEither() throws Exception {
        Path trace = file("open.vcd", QUIET_VCD.replace("#0 1! 1\" 0#", "#0 0! 1\" 0#") + "#5000\n");
        Path rules = file("rules.yaml", CONTRACT_RULES);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(1);
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/rules/1/unexercised_reason").asText())
                .isEqualTo("neither xray_on nor door_closed changed level in the trace");
    }

    @Test
    void unexercisedRulesPassWhenTheRuleOrTheCommandAllowsIt() throws Exception {
        Path trace = file("quiet.vcd", QUIET_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls
                    within: 1ms
                    allow_unexercised: true
                  - id: NO-XRAY-WITH-DOOR-OPEN
                    never: xray_on high while door_closed low
                """);

        int perRule = hil("check", trace.toString(), "--rules", rules.toString(), "--json");
        var json = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        int all = hil("check", trace.toString(), "--rules", rules.toString(), "--json", "--allow-unexercised");
        var allowed = new ObjectMapper().readTree(out.toString());

        assertThat(perRule).isEqualTo(1);
        assertThat(json.at("/rules/0/status").asText()).isEqualTo("pass");
        assertThat(json.at("/rules/0/allow_unexercised").asBoolean()).isTrue();
        assertThat(json.at("/rules/0/exercised").asBoolean()).isFalse();
        assertThat(json.at("/rules/1/status").asText()).isEqualTo("inconclusive");
        assertThat(all).isEqualTo(0);
        assertThat(allowed.get("status").asText()).isEqualTo("pass");
        assertThat(allowed.at("/rules/1/allow_unexercised").asBoolean()).isTrue();
    }

    @Test
    void aResponseThatIsItsOwnTriggerIsBadInputNotAPassAtZeroNanoseconds() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", """
                rules:
                  - id: SELF
                    after: door_closed falls
                    expect: door_closed falls
                    within: 1ms
                  - id: ALIAS
                    after: door_closed falls
                    expect: rig.door_closed falls
                    within: 1ms
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("hil check: " + rules + ":4:13: rule 'SELF': response 'door_closed"
                + " falls' is the trigger 'door_closed falls' itself: each trigger would answer itself at 0 ns on"
                + " any trace (expect another signal, or the other edge)\n");

        err.getBuffer().setLength(0);
        Path alias = file("alias.yaml", """
                rules:
                  - id: ALIAS
                    after: door_closed falls
                    expect: rig.door_closed falls
                    within: 1ms
                """);
        assertThat(hil("check", trace.toString(), "--rules", alias.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("hil check: " + alias + ":4:13: rule 'ALIAS': response").hasLineCount(1)
                .endsWith("('door_closed' and 'rig.door_closed' are both rig.door_closed)\n");
    }

    // ---- bounded listing ------------------------------------------------------------------------

    /** {@code n} door openings, each answered 400 us later except the sixth (1.5 ms). */
    private static String manyOpenings(int n) {
        StringBuilder vcd = new StringBuilder("""
                $timescale 1us $end
                $scope module rig $end
                $var wire 1 ! door_closed $end
                $var wire 1 " hv_enable $end
                $upscope $end
                $enddefinitions $end
                #0 1! 1"
                """);
        for (int i = 0; i < n; i++) {
            long t = 10_000L * (i + 1);
            vcd.append('#').append(t).append(" 0!\n#").append(t + (i == 5 ? 1_500 : 400)).append(" 0\"\n#")
                    .append(t + 5_000).append(" 1! 1\"\n");
        }
        return vcd.toString();
    }

    @Test
    void eachRuleListsItsFirstAndWorstOccurrencesAndCountsThemAll() throws Exception {
        Path trace = file("many.vcd", manyOpenings(30));
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls
                    within: 1ms
                """);

        int exit = hil("check", trace.toString(), "--rules", rules.toString(), "--json", "--list-limit", "2");

        assertThat(exit).isEqualTo(1);
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("list_limit").asInt()).isEqualTo(2);
        assertThat(json.at("/rules/0/status").asText()).isEqualTo("fail");
        assertThat(json.at("/rules/0/occurrence_count").asLong()).isEqualTo(30);
        assertThat(json.at("/rules/0/occurrences_truncated").asBoolean()).isTrue();
        assertThat(json.at("/rules/0/pass_count").asLong()).isEqualTo(29);
        assertThat(json.at("/rules/0/fail_count").asLong()).isEqualTo(1);
        assertThat(json.at("/rules/0/worst_latency_ns").asLong()).isEqualTo(1_500_000);
        assertThat(json.at("/rules/0/occurrences").findValuesAsText("trigger_ns"))
                .as("the first two, and the worst two: 1.5 ms, then the earliest of the 400 us")
                .containsExactly("10000000", "20000000", "60000000");

        out.getBuffer().setLength(0);
        assertThat(hil("check", trace.toString(), "--rules", rules.toString(), "--json", "--all-occurrences"))
                .isEqualTo(1);
        var all = new ObjectMapper().readTree(out.toString());
        assertThat(all.get("list_limit").isNull()).isTrue();
        assertThat(all.at("/rules/0/occurrences").size()).isEqualTo(30);
        assertThat(all.at("/rules/0/occurrences_truncated").asBoolean()).isFalse();
    }

    @Test
    void theTableCountsEveryOccurrenceAndSaysWhereTheRestAre() throws Exception {
        Path trace = file("many.vcd", manyOpenings(30));
        Path rules = file("rules.yaml", """
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls
                    within: 1ms
                """);

        hil("check", trace.toString(), "--rules", rules.toString(), "--list-limit", "2");

        assertThat(out.toString()).contains(
                "DOOR-HV  FAIL    30 triggers  1.5 ms  <= 1 ms",
                "  FAIL  door_closed falls at 60 ms, hv_enable falls at 61.5 ms: latency 1.5 ms",
                "  ... and 29 more occurrences, 29 of all 30 passed (--json lists the first and the worst 2,"
                        + " --all-occurrences every one)");
    }

    @Test
    void aNegativeListLimitIsUsageError() throws Exception {
        Path trace = file("door.vcd", INTERLOCK_VCD);
        Path rules = file("rules.yaml", CONTRACT_RULES);

        assertThat(hil("check", trace.toString(), "--rules", rules.toString(), "--list-limit", "-1")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("hil check: --list-limit: '-1' is negative (give 0 or more; 0 lists none)\n");
    }

    @Test
    void theHelpNamesTheNewOptionsAndWhatNotExercisedMeans() {
        assertThat(hil("check", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--list-limit=N", "--all-occurrences",
                "--allow-unexercised", "is inconclusive, not a pass, unless allowed", "(default: 1000)");
    }
}
