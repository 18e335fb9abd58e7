package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.device.profile.Board;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestVocabulary.vocabulary());

    static final String DOOR = """
            id: INT-DOOR-003
            title: Door opened during exposure ends it
            requirements: [REQ-ILK-001]
            tags: [interlock]
            board: GEN
            technique: {kv: 80, ma: 250, ms: 500}
            catches: [SLOW_INTERLOCK]
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.rotor_timeout}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - wait: 100ms
              - fault: door_open
              - expect: {signal: HV_ENABLE, becomes: inactive, within: profile.door_to_hv_off, measure: door_to_hv_off}
              - expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}
              - send: {command: VER, reply: ACK}
            always:
              - never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms
            """;

    @Test
    void readsEveryKindOfStepInOrder() {
        Scenario s = loader.load("door.yaml", DOOR);

        assertThat(s.id()).isEqualTo("INT-DOOR-003");
        assertThat(s.technique()).isEqualTo(new Technique(80, 250, 500));
        assertThat(s.steps()).extracting(Step::keyword).containsExactly("set", "await", "set", "await", "wait",
                "fault", "expect", "expect_event", "send");
        Step.Expect e = (Step.Expect) s.steps().get(6);
        assertThat(e.within().max()).isEqualTo(new Limit.ProfileRef("door_to_hv_off"));
        assertThat(e.at()).isEqualTo(new Position("door.yaml", 15, 5));
        assertThat(((Step.Set) s.steps().get(2)).lines()).containsOnlyKeys("EXP_REQ_A", "EXP_REQ_B");
        Invariant inv = s.always().get(0);
        assertThat(inv.whileSignal()).isEqualTo("DOOR_CLOSED");
        assertThat(inv.tolerance().max()).isEqualTo(new Limit.Fixed(2_000_000));
    }

    @Test
    void readsAMeasureStepWithItsWindowStatisticAndCheck() {
        Scenario s = loader.load("m.yaml", DOOR.replace("  - send: {command: VER, reply: ACK}\n",
                "  - measure: {name: kv, signal: KV_FB, stat: mean, over: [XRAY_ON active + 1ms, HV_ENABLE inactive],"
                        + " near: technique.kv, tol: profile.accuracy.kv}\n"
                        + "  - measure: {name: lt, signal: KV_FB, stat: width, above: 75 % of technique.kv,"
                        + " over: [HV_ENABLE active, HV_ENABLE inactive + 20ms], within: [99ms, 101ms]}\n"));

        Step.Measure kv = (Step.Measure) s.steps().get(8);
        assertThat(kv.stat()).isEqualTo(AnalogStat.MEAN);
        assertThat(kv.from()).isEqualTo(new Step.Edge(new Step.Anchor("XRAY_ON", LineState.ACTIVE), 1_000_000));
        assertThat(kv.tol()).isEqualTo(new Step.Tol("accuracy.kv", null));
        assertThat(kv.near().value(TestVocabulary.limits(), Board.GEN, s.technique())).isEqualTo(80.0);
        Step.Measure lt = (Step.Measure) s.steps().get(9);
        assertThat(lt.above().value(TestVocabulary.limits(), Board.GEN, s.technique())).isEqualTo(60.0);
        assertThat(lt.text()).isEqualTo("width of KV_FB above 75 % of technique.kv over [HV_ENABLE active,"
                + " HV_ENABLE inactive + 20ms] within [99ms, 101ms] (measure lt)");
        assertThat(StepNeeds.of(s.steps()).sampled()).containsExactly("KV_FB");
    }

    @Test
    void reportsEveryProblemOfAMeasureStepAtItsValue() {
        String bad = DOOR.replace("  - send: {command: VER, reply: ACK}\n",
                "  - measure: {name: kv, signal: HV_ENABLE, stat: avg, over: [XRAY_ON on, HV_ENABLE inactive]}\n"
                        + "  - measure: {name: kv, signal: KV_FB, stat: mean, over: [XRAY_ON active], near: technique.kw,"
                        + " tol: 3 % + 1 mA}\n"
                        + "  - measure: {name: w, signal: KV_FB, stat: width, over: [XRAY_ON active, XRAY_ON inactive], max: 3}\n"
                        + "  - measure: {name: m, signal: MA_FB, stat: integral, over: [XRAY_ON active, XRAY_ON inactive],"
                        + " near: technique.mas, tol: profile.accuracy.kvv}\n");

        assertThatThrownBy(() -> loader.load("m.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "m.yaml:17:33: step 'measure': 'HV_ENABLE' is not an analog line, allowed: KV_FB, MA_FB",
                        "m.yaml:17:50: step 'measure': unknown stat 'avg', allowed: mean, peak, min, ripple, integral, rise, width",
                        "m.yaml:17:62: step 'measure' 'over': 'XRAY_ON on' does not read 'SIGNAL active|inactive', optionally '+ 1ms' or '- 1ms'",
                        "m.yaml:18:58: step 'measure' 'over': a window has two edges, e.g. [XRAY_ON active + 1ms, HV_ENABLE inactive]",
                        "m.yaml:18:82: step 'measure' 'near': unknown technique value 'technique.kw', allowed: technique.kv, technique.ma, technique.ms, technique.mas",
                        "m.yaml:18:101: step 'measure' 'tol': 3 % + 1 mA is in mA, the value in kV",
                        "m.yaml:19:14: missing key 'above' in step 'measure' 'width'",
                        "m.yaml:19:99: step 'measure': stat 'width' is a time, judged by 'within', not 'max'",
                        "m.yaml:20:123: step 'measure' 'tol': 'profile.accuracy.kvv' is not an accuracy of the board profiles (allowed: profile.accuracy.kv, profile.accuracy.ma, profile.accuracy.mas, profile.accuracy.report)"));
    }

    @Test
    void readsARepeatAndRefusesOneThatIsNotACountOrABound() {
        Scenario s = loader.load("r.yaml", DOOR.replace("steps:", "repeat: {times: 10, cv_max: 0.05}\nsteps:"));
        assertThat(s.repeat()).isEqualTo(new Scenario.Repeat(10, 0.05));
        assertThat(loader.load("r.yaml", DOOR.replace("steps:", "repeat: 3\nsteps:")).repeat()).isEqualTo(new Scenario.Repeat(3, null));
        assertThat(loader.load("r.yaml", DOOR).repeat()).isEqualTo(Scenario.Repeat.ONCE);

        assertThatThrownBy(() -> loader.load("r.yaml", DOOR.replace("steps:", "repeat: {times: 2.5, cv_max: 0}\nsteps:")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "r.yaml:8:17: 'repeat' 'times': 2.5 is not a whole number from 1 to 1000"));
        assertThatThrownBy(() -> loader.load("r.yaml", DOOR.replace("steps:", "repeat: {times: 2, cv_max: 1.5}\nsteps:")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "r.yaml:8:28: 'repeat' 'cv_max': 1.5 is not a coefficient of variation above 0 and below 1"));
    }

    @Test
    void readsASweepAndRefusesOneOfOneTechniqueOrAShareThatIsNotOne() {
        Scenario s = loader.load("w.yaml", DOOR.replace("steps:", "sweep: {techniques: [{kv: 80, ma: 100, ms: 100},"
                + " {kv: 80, ma: 200, ms: 50}], linearity: {of: mas, max: 0.1}}\nsteps:"));
        assertThat(s.sweep()).isEqualTo(new Scenario.Sweep(List.of(new Technique(80, 100, 100), new Technique(80, 200, 50)),
                "mas", 0.1));

        assertThatThrownBy(() -> loader.load("w.yaml", DOOR.replace("steps:", "sweep: {techniques: [{kv: 80, ma: 100, ms: 100}]}\nsteps:")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).singleElement().satisfies(p ->
                        assertThat(p).matches("w\\.yaml:8:\\d+: 'sweep' 'techniques': a list of two or more techniques.*")));
        assertThatThrownBy(() -> loader.load("w.yaml", DOOR.replace("steps:", "sweep: {techniques: [{kv: 80, ma: 100, ms: 100},"
                + " {kv: 80, ma: 200, ms: 50}], linearity: {of: mas, max: 1.5}}\nsteps:")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).singleElement().satisfies(p ->
                        assertThat(p).matches("w\\.yaml:8:\\d+: 'sweep' 'linearity' 'max': 1.5 is not a share above 0 and below 1")));
    }

    @Test
    void aSweepOverATableOfTheProfileIsCheckedAtLoadAndResolvedFromTheProfile() {
        ProfileLimits reference = new org.hilrig.runner.profile.BoardLimits(org.hilrig.runner.profile.ReferenceProfiles
                .load(Path.of("..", "fixtures", "boards")).all());
        ScenarioLoader withProfile = new ScenarioLoader(TestVocabulary.vocabulary(), Path.of(""), reference);
        Scenario s = withProfile.load("w.yaml", DOOR.replace("steps:", "sweep: {table: ma_stations_80kv, linearity: {of: kerma, max: 0.1}}\nsteps:"));
        assertThat(s.sweep().table()).isEqualTo("ma_stations_80kv");
        assertThat(s.sweep().techniques()).isEmpty();
        assertThat(s.sweep().resolved(reference).techniques()).hasSize(5)
                .first().isEqualTo(new Technique(80, 50, 200));

        assertThatThrownBy(() -> withProfile.load("w.yaml", DOOR.replace("steps:", "sweep: {table: no_such_table}\nsteps:")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "w.yaml:8:16: 'sweep' 'table': no technique table 'no_such_table' in the board profiles (tables:"
                                + " accuracy_grid, ma_stations_80kv)"));
        assertThatThrownBy(() -> withProfile.load("w.yaml", DOOR.replace("steps:", "sweep: {table: accuracy_grid,"
                + " techniques: [{kv: 80, ma: 100, ms: 100}, {kv: 80, ma: 200, ms: 50}]}\nsteps:")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).singleElement().satisfies(p ->
                        assertThat(p).matches("w\\.yaml:8:16: 'sweep' takes either 'techniques' \\(a list\\) or 'table'.*not both")));
    }

    @Test
    void reportsEveryProblemOfAFileWithLineAndColumn() {
        String bad = DOOR.replace("title:", "titel:")
                .replace("within: 5ms", "within: 5xs")
                .replace("fault: door_open", "fault: door_opened")
                .replace("signal: HV_ENABLE", "signal: HV_ENABLED")
                .replace("REQ-ILK-001", "REQ-ILK-999")
                .replace("SLOW_INTERLOCK", "SLOW_INTERLOK")
                .replace("command: VER", "command: VRS")
                .replace("profile.rotor_timeout", "profile.rotor_timout");

        assertThatThrownBy(() -> loader.load("door.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "door.yaml:2:1: unknown key 'titel' in scenario (allowed: id, title, requirements, tags, board, other_board, technique, catches, limit, repeat, sweep, steps, always)",
                        "door.yaml:1:1: missing key 'title' in scenario",
                        "door.yaml:3:16: unknown requirement 'REQ-ILK-999' in test-scenarios/requirements.yaml, allowed: REQ-ILK-001",
                        "door.yaml:7:11: unknown defect 'SLOW_INTERLOK' of the emulator, allowed: SLOW_INTERLOCK",
                        "door.yaml:10:48: step 'await': unknown profile limit 'profile.rotor_timout', allowed: profile.door_to_hv_off, profile.limits.comms_loss_margin, profile.limits.scenario_limit, profile.limits.serial_reply, profile.rotor_timeout",
                        "door.yaml:12:50: step 'await': '5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms) or a profile limit (profile.NAME) or a sum of those (500ms + profile.NAME)",
                        "door.yaml:14:12: step 'fault': unknown fault 'door_opened', allowed: arc_burst, door_open",
                        "door.yaml:15:22: step 'expect': unknown signal 'HV_ENABLED', allowed: DOOR_CLOSED, EXP_REQ_A, EXP_REQ_B, HV_ENABLE, PREP_REQ, READY, XRAY_ON",
                        "door.yaml:17:21: step 'send': unknown command 'VRS', allowed: HBT, SKV, SMA, SMS, VER (use 'raw' to send an unknown one on purpose)"));
    }

    @Test
    void readsALimitEndWrittenAsASumOfNumbersAndProfileLimits() {
        Scenario s = loader.load("door.yaml", DOOR.replace("within: profile.door_to_hv_off,",
                "within: [profile.rotor_timeout - 10ms, profile.rotor_timeout + profile.limits.comms_loss_margin + 2ms],"));

        Limit within = ((Step.Expect) s.steps().get(6)).within();
        assertThat(within.min()).isEqualTo(new Limit.Sum(List.of(new Limit.Term(new Limit.ProfileRef("rotor_timeout"), false),
                new Limit.Term(new Limit.Fixed(10_000_000), true))));
        assertThat(within.resolve(TestVocabulary.limits(), Board.GEN, null))
                .isEqualTo(new Window(1_990_000_000L, 2_012_000_000L));
    }

    @Test
    void reportsEveryBadTermOfASumAndAnEndBelowZeroWhenResolved() {
        String bad = DOOR.replace("within: profile.door_to_hv_off,", "within: [5xs + profile.nothing, 10ms],");
        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).hasSize(2)
                        .anyMatch(p -> p.startsWith("d.yaml:15:61: step 'expect': '5xs' is not a duration"))
                        .anyMatch(p -> p.startsWith("d.yaml:15:61: step 'expect': unknown profile limit 'profile.nothing'")));

        Scenario s = loader.load("d.yaml", DOOR.replace("within: profile.door_to_hv_off,", "within: 1ms - profile.door_to_hv_off - 1us,"));
        assertThatThrownBy(() -> ((Step.Expect) s.steps().get(6)).within().resolve(TestVocabulary.limits(), Board.GEN, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below zero");
    }

    @Test
    void rejectsUnknownStepKeysAndDuplicateKeys() {
        String bad = DOOR.replace("- wait: 100ms", "- wait: 100ms\n  - wiat: 1ms")
                .replace("{signal: READY, is: active,", "{signal: READY, is: active, is: inactive,");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "d.yaml:10:40: key 'is' appears twice in step 'await' (first at line 10)",
                        "d.yaml:14:5: unknown step 'wiat', allowed: set, wait, fault, await, expect, expect_event, expect_no_event, send, heartbeat, measure"));
    }

    @Test
    void rejectsFaultParametersTheFaultDoesNotTakeAndTechniquesForTheTubeController() {
        String bad = DOOR.replace("fault: door_open", "fault: {name: arc_burst, arcs: 4, spaceing: 5ms}")
                .replace("board: GEN", "board: TUB");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "d.yaml:6:12: a technique applies to the generator (board GEN), not to board TUB",
                        "d.yaml:14:39: step 'fault': arc_burst has no parameter 'spaceing', allowed: arcs, spacing"));
    }

    @Test
    void aFaultParameterValueThatDoesNotParseIsAProblemAtItsValueWithFaultTextsWording() {
        String bad = DOOR.replace("fault: door_open", "fault: {name: arc_burst, arcs: four, spacing: 5xs}");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "d.yaml:14:36: fault arc_burst: arcs 'four' is not a count (0 or more)",
                        "d.yaml:14:51: fault arc_burst: spacing: '5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)"));
    }

    @Test
    void aFaultStepHoldsTheParsedFaultAndItsParametersAsWritten() {
        Scenario s = loader.load("d.yaml", DOOR.replace("fault: door_open", "fault: {name: arc_burst, spacing: 2ms}"));

        Step.Fault f = (Step.Fault) s.steps().get(5);
        assertThat(f.fault()).isEqualTo(new org.hilrig.device.fault.PlantFault.ArcBurst(4, 2_000_000));
        assertThat(f.name()).isEqualTo("arc_burst");
        assertThat(f.params()).containsExactly(java.util.Map.entry("spacing", "2ms"));
        assertThat(f.text()).isEqualTo("arc_burst {spacing=2ms}");
    }

    @Test
    void namesEveryBoardWhenTheBoardIsNoneOfThem() {
        // a board is a Board: the problem lists Board.values(), and a lower-case spelling is not one either
        for (String wrong : List.of("XYZ", "gen")) {
            assertThatThrownBy(() -> loader.load("d.yaml", DOOR.replace("board: GEN", "board: " + wrong)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("d.yaml:5:8: board '" + wrong + "' is not a board, allowed: GEN, TUB");
        }
    }

    @Test
    void rejectsInvariantsThatDoNotRead() {
        String bad = DOOR.replace("never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms",
                "never: XRAY_ON on while DOOR_CLOSED inactive");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOf(BadInputException.class)
                .hasMessage("d.yaml:19:12: invariant 'never': 'XRAY_ON on while DOOR_CLOSED inactive' is not '<signal>"
                        + " <state> [while <signal> <state>] [for more than <limit>]' (a state is active, high, inactive or low)");
    }

    @Test
    void invariantsReadBothSpellingsOfAStateAndBothFormsOfTheTolerance() {
        String written = "never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms";
        Invariant expected = loader.load("d.yaml", DOOR).always().get(0);
        for (String other : List.of("never: XRAY_ON high while DOOR_CLOSED low for more than 2ms",
                "never: XRAY_ON active while DOOR_CLOSED low\n    longer_than: 2ms",
                "longer_than: 2ms\n    never: XRAY_ON high while DOOR_CLOSED inactive")) {
            Invariant inv = loader.load("d.yaml", DOOR.replace(written, other)).always().get(0);
            assertThat(inv.signal()).as(other).isEqualTo(expected.signal());
            assertThat(inv.state()).as(other).isEqualTo(LineState.ACTIVE);
            assertThat(inv.whileSignal()).as(other).isEqualTo(expected.whileSignal());
            assertThat(inv.whileState()).as(other).isEqualTo(LineState.INACTIVE);
            assertThat(inv.tolerance().max()).as(other).isEqualTo(new Limit.Fixed(2_000_000));
        }
        Invariant alone = loader.load("d.yaml", DOOR.replace(written, "never: HV_ENABLE high")).always().get(0);
        assertThat(alone.whileSignal()).isNull();
        assertThat(alone.tolerance()).isNull();
        assertThat(alone.text()).isEqualTo("HV_ENABLE high");
    }

    @Test
    void anInvariantsUnknownSignalIsReportedAtItsColumnAndATwiceGivenToleranceAtItsKey() {
        String written = "never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms";
        assertThatThrownBy(() -> loader.load("d.yaml", DOOR.replace(written,
                "never: XRAY_ON active while DOOR_SHUT inactive for more than 2ms\n    longer_than: 2ms")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("d.yaml:19:33: invariant: unknown signal 'DOOR_SHUT', allowed: "),
                        p -> assertThat(p).isEqualTo("d.yaml:20:18: invariant: 'longer_than' and 'for more than 2ms' in"
                                + " 'never' are one tolerance given twice (write one of them)")));
    }

    @Test
    void rejectsBrokenYamlWithItsPlace() {
        assertThatThrownBy(() -> loader.load("b.yaml", "id: X\ntitle: [unclosed\n")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("b.yaml:3:1: not valid YAML:");
    }

    @Test
    void rejectsTheSameIdInTwoFilesNamingBoth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), DOOR);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.yaml"), DOOR);

        assertThatThrownBy(() -> loader.loadAll(List.of(dir))).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0)).endsWith("b.yaml:1:1: duplicate scenario id 'INT-DOOR-003', already used at "
                    + e.problems().get(0).substring(0, e.problems().get(0).indexOf("sub")) + "a.yaml:1:1");
        });
    }

    @Test
    void loadsFoldersInPathOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), DOOR);
        Files.writeString(dir.resolve("a.yaml"), DOOR.replace("INT-DOOR-003", "INT-DOOR-001"));

        assertThat(loader.loadAll(List.of(dir))).extracting(Scenario::id).containsExactly("INT-DOOR-001", "INT-DOOR-003");
    }

    private static final String LONG = """
            id: SYS-LONG-001
            title: A scenario that takes its time
            requirements: [REQ-ILK-001]
            board: GEN
            %s
            steps:
              - set: {PREP_REQ: active}
              - wait: 6s
              - await: {signal: READY, is: active, within: 5s}
              - wait: 6s
              - expect: {signal: READY, stays: active, for: 1s}
            """;

    @Test
    void aScenarioMaySetItsLimitAsADurationOrAProfileLimitAndHasNoneOfItsOwnOtherwise() {
        assertThat(loader.load("l.yaml", LONG.formatted("limit: 7200s")).limit())
                .isEqualTo(Limit.upTo(7_200_000_000_000L, "7200s"));
        assertThat(loader.load("l.yaml", LONG.formatted("limit: profile.limits.scenario_limit + 60s")).limit().max())
                .isInstanceOf(Limit.Sum.class);
        assertThat(loader.load("l.yaml", LONG.formatted("tags: [long]")).limit()).isNull();
    }

    @Test
    void aLimitThatIsNoDurationAWindowOrZeroIsReportedWithItsPlace() {
        for (String[] bad : new String[][] {
                {"limit: soon", "l.yaml:5:8: 'limit': 'soon' is not a duration (use ns, us, ms or s, e.g. 2.5ms) or a"
                        + " profile limit (profile.NAME) or a sum of those (500ms + profile.NAME)"},
                {"limit: [1s, 2s]", "l.yaml:5:8: 'limit' is how long the scenario may run, one duration (e.g. 7200s), not a"
                        + " window"},
                {"limit: 0s", "l.yaml:5:8: 'limit': 0s is not above 0"},
                {"limit: profile.limits.scenario_limt", "l.yaml:5:8: 'limit': unknown profile limit"
                        + " 'profile.limits.scenario_limt', allowed: profile.door_to_hv_off, profile.limits.comms_loss_margin,"
                        + " profile.limits.scenario_limit, profile.limits.serial_reply, profile.rotor_timeout"}}) {
            assertThatThrownBy(() -> loader.load("l.yaml", LONG.formatted(bad[0])))
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(bad[1]));
        }
    }

    @Test
    void stepsThatCannotEndWithinTheScenariosOwnLimitAreRefusedWhereTheyAre() {
        assertThatThrownBy(() -> loader.load("l.yaml", LONG.formatted("limit: 10s")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "l.yaml:10:5: step 'wait': the steps up to here take at least 12 s, beyond its limit 10s"));
        assertThatThrownBy(() -> loader.load("l.yaml", LONG.formatted("limit: 4s")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "l.yaml:8:5: step 'wait': the steps up to here take at least 6 s, beyond its limit 4s",
                        "l.yaml:9:5: step 'await': 'within' 5s ends 5 s after its start, beyond its limit 4s"));
        assertThat(loader.load("l.yaml", LONG.formatted("limit: 13s")).steps()).hasSize(5);
    }

    @Test
    void withTheProfileAStepBeyondItsDefaultLimitIsRefusedAndTheScenariosOwnLimitLetsItRun() {
        ScenarioLoader withProfile = new ScenarioLoader(TestVocabulary.vocabulary(), Path.of(""), TestVocabulary.limits());
        String forever = LONG.formatted("tags: [long]").replaceFirst("wait: 6s", "wait: 9000000000s");

        assertThatThrownBy(() -> withProfile.load("l.yaml", forever))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "l.yaml:8:5: step 'wait': the steps up to here take at least 9000000000 s, beyond the limit of"
                                + " 60 s (profile limits.scenario_limit; a scenario sets a longer one with 'limit:')"));
        assertThat(withProfile.load("l.yaml", forever.replace("tags: [long]", "limit: 9223372036854ms")).steps()).hasSize(5);
        assertThatThrownBy(() -> withProfile.load("l.yaml", forever.replace("tags: [long]",
                "limit: profile.limits.scenario_limit + 1s"))).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly("l.yaml:8:5: step 'wait': the steps up to here take at least"
                        + " 9000000000 s, beyond its limit profile.limits.scenario_limit + 1s (61 s)"));
    }
}
