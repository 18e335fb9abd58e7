package org.hilrig.runner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.rules.BoundedResponse;
import org.hilrig.timing.rules.Edge;
import org.hilrig.timing.rules.LatencyWindow;
import org.hilrig.timing.rules.NeverWhile;
import org.hilrig.timing.rules.SignalRef;
import org.hilrig.timing.rules.SourcePosition;
import org.hilrig.timing.rules.TimingRule;
import org.hilrig.timing.trace.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {

    private static List<String> problemsOf(String yaml) {
        try {
            RuleFile.parse("rules.yaml", yaml);
        } catch (BadInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    @Test
    void theContractsExampleReadsAsTwoRulesWithTheirPlaces() {
        List<TimingRule> rules = RuleFile.parse("rules.yaml", """
                rules:
                  - id: DOOR-HV                 # any name
                    requirement: REQ-ILK-001    # optional, carried into reports
                    after: door_closed falls    # trigger: <signal> rises|falls
                    expect: hv_enable falls     # response: the first such edge after the trigger
                    within: 1ms                 # upper bound, or a window: [20ms, 1500ms]
                  - id: NO-XRAY-WITH-DOOR-OPEN
                    never: xray_on high while door_closed low
                """).rules();

        assertThat(rules).hasSize(2);
        BoundedResponse doorHv = (BoundedResponse) rules.get(0);
        assertThat(doorHv.id()).isEqualTo("DOOR-HV");
        assertThat(doorHv.requirement()).isEqualTo("REQ-ILK-001");
        assertThat(doorHv.position()).isEqualTo(new SourcePosition("rules.yaml", 2, 5));
        assertThat(doorHv.trigger().signal()).isEqualTo(new SignalRef("door_closed", new SourcePosition("rules.yaml", 4, 12)));
        assertThat(doorHv.trigger().edge()).isEqualTo(Edge.FALLS);
        assertThat(doorHv.response().signal()).isEqualTo(new SignalRef("hv_enable", new SourcePosition("rules.yaml", 5, 13)));
        assertThat(doorHv.window()).isEqualTo(LatencyWindow.atMost(1_000_000));

        NeverWhile never = (NeverWhile) rules.get(1);
        assertThat(never.requirement()).isNull();
        assertThat(never.state().signal()).isEqualTo(new SignalRef("xray_on", new SourcePosition("rules.yaml", 8, 12)));
        assertThat(never.state().level()).isEqualTo(Level.HIGH);
        assertThat(never.whileState().signal())
                .isEqualTo(new SignalRef("door_closed", new SourcePosition("rules.yaml", 8, 31)));
        assertThat(never.whileState().level()).isEqualTo(Level.LOW);
        assertThat(never.longerThanNanos()).isNull();
    }

    @Test
    void windowsTolerancesQuotedSignalsAndFlowStyleAreRead() {
        List<TimingRule> rules = RuleFile.parse("r.yaml", """
                rules:
                  - {id: READY, after: 'prep_req rises', expect: "ready rises", within: [20ms, 1.5 s]}
                  - id: HV-LONG
                    never: rig.hv_enable high while rig.door_closed low
                    longer_than: 2.5ms
                """).rules();

        BoundedResponse ready = (BoundedResponse) rules.get(0);
        assertThat(ready.window()).isEqualTo(LatencyWindow.between(20_000_000, 1_500_000_000));
        assertThat(ready.trigger().signal().position()).isEqualTo(new SourcePosition("r.yaml", 2, 25));
        assertThat(ready.response().signal().position()).isEqualTo(new SourcePosition("r.yaml", 2, 51));
        NeverWhile hv = (NeverWhile) rules.get(1);
        assertThat(hv.longerThanNanos()).isEqualTo(2_500_000L);
        assertThat(hv.whileState().signal().name()).isEqualTo("rig.door_closed");
    }

    @Test
    void aBadDurationIsReportedAtItsValueWithTheAllowedUnits() {
        assertThat(problemsOf("""
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable falls

                    within: 1xs
                """)).containsExactly(
                "rules.yaml:6:13: rule 'DOOR-HV': 'within': '1xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
    }

    @Test
    void everyProblemOfTheFileIsReportedInFileOrder() {
        assertThat(problemsOf("""
                rules:
                  - id: DOOR-HV
                    after: door_closed fall
                    expect: hv_enable falls
                    within: [20ms, 1500ms, 2s]
                    expcet: x
                  - id: LATE
                    after: a rises
                    within: [2s, 1s]
                    longer_than: 1ms
                  - never: xray_on on while door_closed low
                    longer_than: -2ms
                  - id: DOOR-HV
                    never: a high while b low
                    within: 1ms
                  - just a text
                  - id: EMPTY
                """)).containsExactly(
                "rules.yaml:3:12: rule 'DOOR-HV': 'after': 'door_closed fall' is not an edge"
                        + " (write '<signal> rises' or '<signal> falls')",
                "rules.yaml:5:13: rule 'DOOR-HV': 'within': a window is [min, max], found 3 values",
                "rules.yaml:6:5: unknown key 'expcet' in rule 'DOOR-HV'"
                        + " (allowed: id, requirement, after, expect, within, never, longer_than, allow_unexercised)",
                "rules.yaml:7:5: missing key 'expect' in rule 'LATE'",
                "rules.yaml:9:13: rule 'LATE': 'within': window [2 s, 1 s] has its min above its max",
                "rules.yaml:10:5: rule 'LATE': 'longer_than' applies only to 'never' rules",
                "rules.yaml:11:5: missing key 'id' in rule 3",
                "rules.yaml:11:12: rule 3: 'never': 'xray_on on while door_closed low'"
                        + " is not '<signal> <state> [while <signal> <state>] [for more than <limit>]'"
                        + " (a state is active, high, inactive or low)",
                "rules.yaml:12:18: rule 3: 'longer_than': '-2ms' is negative; durations are 0 or more",
                "rules.yaml:13:9: rule 'DOOR-HV': id is used twice (first at line 2)",
                "rules.yaml:15:5: rule 'DOOR-HV': 'within' cannot be combined with 'never'"
                        + " (a rule is either after/expect/within or never)",
                "rules.yaml:16:5: rule 5: expected a mapping of keys"
                        + " (id, requirement, after, expect, within, never, longer_than, allow_unexercised), found a text 'just a text'",
                "rules.yaml:17:5: rule 'EMPTY': says nothing to check: give 'after', 'expect' and 'within', or 'never'");
    }

    @Test
    void theExceptionMessageIsTheFirstProblemAndCountsTheRest() {
        assertThatThrownBy(() -> RuleFile.parse("rules.yaml", """
                rules:
                  - id: A
                    never: a high while b low
                    longer_than: 1 parsec
                  - id: A
                    never: a high while b low
                """)).isInstanceOf(BadInputException.class).hasMessage(
                "rules.yaml:4:18: rule 'A': 'longer_than': '1 parsec' is not a duration"
                        + " (use ns, us, ms or s, e.g. 2.5ms) (and 1 more)");
    }

    @Test
    void malformedYamlIsReportedWhereTheParserStopped() {
        assertThat(problemsOf("""
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                   expect: hv_enable falls
                """)).containsExactly("rules.yaml:4:4: not valid YAML: expected <block end>, but found"
                + " '<block mapping start>' (while parsing a block collection that starts at line 2)");
        assertThat(problemsOf("rules: [a, b\n")).containsExactly("rules.yaml:2:1: not valid YAML: expected ',' or ']',"
                + " but got <stream end> (while parsing a flow sequence that starts at line 1)");
        assertThat(problemsOf("rules:\n\t- id: A\n")).containsExactly("rules.yaml:2:1: not valid YAML: found character"
                + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"
                + " (while scanning for the next token)");
    }

    @Test
    void aWrongResponseEdgeIsReportedLikeAWrongTrigger() {
        assertThat(problemsOf("""
                rules:
                  - id: DOOR-HV
                    after: door_closed falls
                    expect: hv_enable drops
                    within: 1ms
                """)).containsExactly("rules.yaml:4:13: rule 'DOOR-HV': 'expect': 'hv_enable drops' is not an edge"
                + " (write '<signal> rises' or '<signal> falls')");
    }

    @Test
    void aFileWithoutRulesIsBadInput() {
        assertThat(problemsOf("")).containsExactly("rules.yaml: has no rules (expected 'rules:' with a list of rules)");
        assertThat(problemsOf("# nothing\n")).containsExactly(
                "rules.yaml: has no rules (expected 'rules:' with a list of rules)");
        assertThat(problemsOf("rules: []\n")).containsExactly("rules.yaml:1:1: 'rules' is empty; write at least one rule");
        assertThat(problemsOf("rules: 3\n")).containsExactly("rules.yaml:1:8: 'rules' must be a list of rules, found a text '3'");
        assertThat(problemsOf("- id: A\n")).containsExactly(
                "rules.yaml:1:1: expected a mapping with the key 'rules', found a list");
        assertThat(problemsOf("rule:\n  - id: A\n")).containsExactly(
                "rules.yaml:1:1: unknown key 'rule' in the rules file (allowed: rules)");
        assertThat(problemsOf("title: x\n")).containsExactly(
                "rules.yaml:1:1: unknown key 'title' in the rules file (allowed: rules)");
    }

    @Test
    void valuesOfTheWrongShapeAreNamed() {
        assertThat(problemsOf("""
                rules:
                  - id: [A]
                    never: a high while b low
                  - id: B
                    requirement:
                    after: {a: rises}
                    expect: b rises
                    within:
                  - id: C
                    id: D
                    never: a high while b low
                """)).containsExactly(
                "rules.yaml:2:9: rule 1: 'id' must be a text, found a list",
                "rules.yaml:5:17: rule 'B': 'requirement' must be a text, found nothing",
                "rules.yaml:6:12: rule 'B': 'after' must be a text, found a mapping",
                "rules.yaml:8:12: rule 'B': 'within' must be a duration such as 2.5ms, found nothing",
                "rules.yaml:10:5: key 'id' appears twice in rule 'C' (first at line 9)");
    }

    @Test
    void filesAreNamedAsGivenWhenTheyCannotBeRead(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> RuleFile.load(missing)).isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> RuleFile.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": is a directory, not a rules file");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "rules:\n  - id: T\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> RuleFile.load(latin1)).isInstanceOf(BadInputException.class)
                .hasMessage(latin1 + ":2:10: not UTF-8 text: byte \\xe9 is not part of a UTF-8 character (save the file as UTF-8)");
    }

    @Test
    void aRuleMayAllowATraceThatDoesNotExerciseIt() {
        RuleSet set = RuleFile.parse("r.yaml", """
                rules:
                  - id: RARE
                    after: arc rises
                    expect: hv_enable falls
                    within: 1ms
                    allow_unexercised: true
                  - id: USUAL
                    never: xray_on high while door_closed low
                    allow_unexercised: false
                  - id: PLAIN
                    never: hv_enable high while door_closed low
                """);

        assertThat(set.rules()).extracting(TimingRule::id).containsExactly("RARE", "USUAL", "PLAIN");
        assertThat(set.allowUnexercised()).containsExactly("RARE");
    }

    @Test
    void allowUnexercisedIsTrueOrFalse() {
        assertThat(problemsOf("""
                rules:
                  - id: RARE
                    never: xray_on high while door_closed low
                    allow_unexercised: yes
                """)).containsExactly("rules.yaml:4:24: rule 'RARE': 'allow_unexercised' must be true or false,"
                + " found a text 'yes'");
    }

    @Test
    void aResponseThatIsItsOwnTriggerAndNeverOnOppositeLevelsOfOneSignalAreRefusedWhereWritten() {
        assertThat(problemsOf("""
                rules:
                  - id: SELF
                    after: door_closed falls
                    expect: door_closed falls
                    within: 1ms
                  - id: PULSE
                    after: door_closed falls
                    expect: door_closed rises
                    within: 1ms
                  - id: BOTH
                    never: xray_on high while xray_on low
                  - id: NEVER-ON
                    never: xray_on high while xray_on high
                """)).containsExactly(
                "rules.yaml:4:13: rule 'SELF': response 'door_closed falls' is the trigger 'door_closed falls'"
                        + " itself: each trigger would answer itself at 0 ns on any trace (expect another signal,"
                        + " or the other edge)",
                "rules.yaml:11:31: rule 'BOTH': 'xray_on high' and 'xray_on low' are opposite levels of one signal,"
                        + " which never hold together: the rule can never fail");
    }

    @Test
    void neverReadsBothSpellingsOfAStateAndBothFormsOfTheTolerance() {
        List<TimingRule> rules = RuleFile.parse("rules.yaml", """
                rules:
                  - id: OLD
                    never: xray_on high while door_closed low
                    longer_than: 2ms
                  - id: SCENARIO-WORDS
                    never: xray_on active while door_closed inactive for more than 2ms
                  - id: MIXED
                    never: "xray_on active while door_closed low"
                    longer_than: 2ms
                """).rules();

        NeverWhile old = (NeverWhile) rules.get(0);
        for (TimingRule r : rules) {
            NeverWhile n = (NeverWhile) r;
            assertThat(n.state().level()).as(n.id()).isEqualTo(Level.HIGH);
            assertThat(n.whileState().level()).as(n.id()).isEqualTo(Level.LOW);
            assertThat(n.longerThanNanos()).as(n.id()).isEqualTo(2_000_000L);
            assertThat(n.state().signal().name()).isEqualTo(old.state().signal().name());
            assertThat(n.whileState().signal().name()).isEqualTo(old.whileState().signal().name());
        }
        assertThat(((NeverWhile) rules.get(1)).whileState().signal().position())
                .isEqualTo(new SourcePosition("rules.yaml", 6, 33));
        assertThat(((NeverWhile) rules.get(2)).whileState().signal().position())
                .as("past the opening quote").isEqualTo(new SourcePosition("rules.yaml", 8, 34));
    }

    @Test
    void neverWithOneStateAloneIsThatStateWhileItself() {
        NeverWhile n = (NeverWhile) RuleFile.parse("rules.yaml", """
                rules:
                  - id: NO-HV
                    never: hv_enable high for more than 1ms
                """).rules().get(0);

        assertThat(n.state()).isEqualTo(n.whileState());
        assertThat(n.state().signal()).isEqualTo(new SignalRef("hv_enable", new SourcePosition("rules.yaml", 3, 12)));
        assertThat(n.longerThanNanos()).isEqualTo(1_000_000L);
    }

    @Test
    void aToleranceGivenTwiceOrAsAProfileLimitOrNotADurationIsAProblemAtItsPlace() {
        assertThat(problemsOf("""
                rules:
                  - id: TWICE
                    never: a high while b low for more than 2ms
                    longer_than: 2ms
                  - id: PROFILE
                    never: a high while b low for more than profile.limits.interlock_to_xray_off
                  - id: BAD
                    never: a high while b low for more than 2xs
                """)).containsExactly(
                "rules.yaml:4:5: rule 'TWICE': 'longer_than' and 'for more than 2ms' in 'never' are one tolerance"
                        + " given twice (write one of them)",
                "rules.yaml:6:45: rule 'PROFILE': 'never': 'profile.limits.interlock_to_xray_off' is a profile limit,"
                        + " which only a scenario can use (a rules file takes a duration such as 2ms)",
                "rules.yaml:8:45: rule 'BAD': 'never': '2xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
    }
}
