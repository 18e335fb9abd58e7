package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** The engine on the simulated rig (the emulator with the reference board profiles). */
class ScenarioEngineTest {
    private static final Library LIBRARY = Library.open(Path.of(".."));
    private static final SimRigs RIGS = LIBRARY.simulatedRigs();
    private final ScenarioLoader loader = new ScenarioLoader(LIBRARY.vocabulary().withRequirements(Set.of("REQ-ILK-001")));
    private final ScenarioEngine engine = LIBRARY.engine();

    private static final String DOOR = """
            id: INT-DOOR-009
            title: Door opened during exposure ends it
            requirements: [REQ-ILK-001]
            board: GEN
            technique: {kv: 80, ma: 250, ms: 500}
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.prep.rotor_timeout, measure: prep_to_ready}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - wait: 100ms
              - fault: door_open
              - expect: {signal: HV_ENABLE, becomes: inactive, within: 1ms, measure: door_to_hv_off}
              - expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}
              - send: {command: VER, reply: ACK, fields: {board: GEN}, measure: ver_reply}
            always:
              - never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms
            """;

    private Scenario door(String text) {
        return loader.load("door.yaml", text);
    }

    @Test
    void measuresFromTheTraceTimeOfTheStimulusNotFromWhenTheStepRan() {
        Scenario s = door(DOOR);
        Rig rig = open(s, 42, List.of());

        ScenarioOutcome o = engine.run(s, rig);

        assertThat(o.message()).isNull();
        assertThat(o.verdict()).isEqualTo(Verdict.PASS);
        assertThat(o.measurements()).extracting(Measurement::name).containsExactly("prep_to_ready", "door_to_hv_off", "ver_reply");
        long doorOpened = lastEdge(rig.trace(), "plant.door_closed", Level.LOW);
        long hvOff = lastEdge(rig.trace(), "gen.hv_enable", Level.LOW);
        Measurement m = o.measurements().get(1);
        assertThat(m.valueNanos()).isEqualTo(hvOff - doorOpened).isPositive();
        assertThat(m.uncertaintyNanos()).isZero();
        assertThat(m.maxNanos()).isEqualTo(1_000_000L);
        assertThat(o.measurements().get(0).maxNanos()).isEqualTo(2_000_000_000L);
    }

    @Test
    void eachMeasurementKnowsItsStimulusTimeAndTheLinesToDraw() {
        Scenario s = door(DOOR);
        Rig rig = open(s, 42, List.of());

        ScenarioOutcome o = engine.run(s, rig);

        ScenarioOutcome.Taken prep = o.taken().get(0);
        assertThat(prep.stimulusNanos()).isEqualTo(lastEdge(rig.trace(), "rig.prep_req", Level.HIGH));
        assertThat(prep.signals()).containsExactly("rig.prep_req", "gen.prep_req", "gen.ready");
        ScenarioOutcome.Taken door = o.taken().get(1);
        assertThat(door.stimulusNanos()).isEqualTo(lastEdge(rig.trace(), "plant.door_closed", Level.LOW));
        assertThat(door.signals()).as("a fault is no line, the response is").containsExactly("gen.hv_enable");
    }

    @Test
    void recordsEveryStepWithItsLineTimesAndVerdictUpToTheOneThatFailed() {
        Scenario s = door(DOOR);

        ScenarioOutcome o = engine.run(s, open(s, 42, List.of("SLOW_INTERLOCK")));

        assertThat(o.steps()).extracting(st -> st.index() + ":" + st.line() + ":" + st.kind() + ":" + st.status().word())
                .containsExactly("0:7:set:pass", "1:8:await:pass", "2:9:set:pass", "3:10:await:pass", "4:11:wait:pass",
                        "5:12:fault:pass", "6:13:expect:fail");
        assertThat(o.steps().get(1).text()).isEqualTo("READY active within profile.prep.rotor_timeout (measure prep_to_ready)");
        assertThat(o.steps().get(4).endNanos() - o.steps().get(4).startNanos()).isEqualTo(100_000_000L);
        assertThat(o.steps().get(6).message()).startsWith("HV_ENABLE inactive after fault door_open");
    }

    @Test
    void identifiesTheBoardByItsVerReply() {
        Scenario s = door(DOOR);
        Rig rig = open(s, 42, List.of());

        java.util.Map<String, String> ver = engine.identify(rig, Board.GEN);

        assertThat(ver).containsKeys("board", "fw", "proto", "sn", "build").containsEntry("board", "GEN")
                .containsEntry("proto", "1");
    }

    @Test
    void failsAPolledInterlockNamingTheLineAndTheLimit() {
        Scenario s = door(DOOR);

        ScenarioOutcome o = engine.run(s, open(s, 42, List.of("SLOW_INTERLOCK")));

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).matches("line 13 \\(expect\\): HV_ENABLE inactive after fault door_open at [0-9.]+ s took [0-9.]+ ms, limit <= 1 ms");
        Measurement late = o.measurements().get(o.measurements().size() - 1);
        assertThat(late.name()).isEqualTo("door_to_hv_off");
        assertThat(late.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(late.valueNanos()).isGreaterThan(1_000_000L).isLessThanOrEqualTo(10_100_000L);
    }

    @Test
    void failsAnInvariantEvenWhenEveryStepPassed() {
        Scenario s = door(DOOR.replace("for more than 2ms", "for more than 10us"));

        ScenarioOutcome o = engine.run(s, open(s, 42, List.of()));

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).startsWith("line 17 (always): never XRAY_ON active while DOOR_CLOSED inactive for more than 10us: held for ");
    }

    @Test
    void failsWhenAnAwaitedLineDoesNotComeInTime() {
        Scenario s = door(DOOR.replace("within: profile.prep.rotor_timeout", "within: 1s"));

        ScenarioOutcome o = engine.run(s, open(s, 42, List.of()));

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).startsWith("line 8 (await): READY was not active within 1s (<= 1 s) of the stimulus at ");
    }

    @Test
    void isAnErrorWhenTheRigRefusesAStimulus() {
        // ROTOR_START is a rig input only when the tube controller is tested alone
        Scenario s = door(DOOR.replace("fault: door_open", "set: {ROTOR_START: active}"));

        ScenarioOutcome o = engine.run(s, open(s, 42, List.of()));

        assertThat(o.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.message()).startsWith("line 12 (set): 'ROTOR_START' is not a rig-driven input of this machine");
    }

    @Test
    void anInvariantOnALineThisRigDoesNotHaveIsAnError() {
        // a tube controller tested alone has no generator, so no HV_ENABLE
        Scenario s = loader.load("tub.yaml", """
                id: ROT-TUB-901
                title: Rotor start
                requirements: [REQ-ILK-001]
                board: TUB
                steps:
                  - wait: 100ms
                always:
                  - never: HV_ENABLE active
                """);

        ScenarioOutcome o = engine.run(s, open(s, 42, List.of()));

        assertThat(o.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.message()).isEqualTo("always: the rig's trace has no line HV_ENABLE");
    }

    @Test
    void sameScenarioAndSeedGiveTheSameTrace() {
        Scenario s = door(DOOR);
        Rig a = open(s, 7, List.of());
        Rig b = open(s, 7, List.of());
        Rig c = open(s, 8, List.of());

        engine.run(s, a);
        engine.run(s, b);
        engine.run(s, c);

        assertThat(a.trace().sha256Hex()).isEqualTo(b.trace().sha256Hex()).isNotEqualTo(c.trace().sha256Hex());
    }

    @Test
    void aCorruptFrameMustGetNoReply() {
        Scenario s = door(DOOR.replace("- send: {command: VER, reply: ACK, fields: {board: GEN}, measure: ver_reply}",
                "- send: {command: STA, corrupt: crc, reply: none}"));

        assertThat(engine.run(s, open(s, 42, List.of())).verdict()).isEqualTo(Verdict.PASS);
        ScenarioOutcome broken = engine.run(s, open(s, 42, List.of("CRC_NOT_CHECKED")));
        assertThat(broken.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(broken.message()).startsWith("line 15 (send): the board answered ").endsWith(", which it must discard");
    }

    @Test
    void eachMeasurementTakesTheUncertaintyOfItsOwnKindsOfStamps() {
        Scenario s = door(DOOR);
        Rig rig = new KindedUncertainty(open(s, 42, List.of()));

        ScenarioOutcome o = engine.run(s, rig);

        assertThat(o.measurements()).extracting(Measurement::name, Measurement::uncertaintyNanos).containsExactly(
                org.assertj.core.groups.Tuple.tuple("prep_to_ready", KindedUncertainty.nanos(StampKind.LINE, StampKind.LINE)),
                org.assertj.core.groups.Tuple.tuple("door_to_hv_off", KindedUncertainty.nanos(StampKind.FAULT, StampKind.LINE)),
                org.assertj.core.groups.Tuple.tuple("ver_reply", KindedUncertainty.nanos(StampKind.FRAME, StampKind.FRAME)));
    }

    /** The simulated rig, declaring a different uncertainty (a few ns) for each pair of stamp kinds. */
    private record KindedUncertainty(Rig rig) implements Rig {
        static long nanos(StampKind from, StampKind to) {
            return 10L * (from.ordinal() + 1) + to.ordinal() + 1;
        }

        @Override
        public long uncertaintyNanos(StampKind stimulus, StampKind response) {
            return nanos(stimulus, response);
        }

        @Override
        public long nowNanos() {
            return rig.nowNanos();
        }

        @Override
        public Trace trace() {
            return rig.trace();
        }

        @Override
        public long drive(String line, boolean active) {
            return rig.drive(line, active);
        }

        @Override
        public long send(byte[] bytes) {
            return rig.send(bytes);
        }

        @Override
        public long inject(org.hilrig.device.fault.PlantFault fault) {
            return rig.inject(fault);
        }

        @Override
        public boolean runUntil(java.util.function.BooleanSupplier condition, long deadlineNanos) {
            return rig.runUntil(condition, deadlineNanos);
        }

        @Override
        public long byteNanos() {
            return rig.byteNanos();
        }

        @Override
        public boolean boardBootsAtStart() {
            return rig.boardBootsAtStart();
        }

        @Override
        public void close() {
            rig.close();
        }
    }

    private static final String IDLE = """
            id: SYS-IDLE-009
            title: Time passes
            requirements: [REQ-ILK-001]
            board: GEN
            %s
            steps:
              - %s
            """;

    /** This loader has no profile, so it cannot see the profile's limit: the engine holds the scenario to it. */
    @Test
    void aStepThatWouldRunBeyondTheLimitEndsTheScenarioInErrorWhenTheLimitComes() {
        long limit = 600_000_000_000L; // limits.scenario_limit of the reference profiles
        for (String step : List.of("wait: 9223372036s", "heartbeat: {every: 1s, for: 9223372036s}",
                "await: {signal: XRAY_ON, is: active, within: 9223372036s}",
                "expect: {signal: READY, stays: inactive, for: 700s}")) {
            Scenario s = loader.load("idle.yaml", IDLE.formatted("tags: [idle]", step));
            Rig rig = open(s, 42, List.of());

            ScenarioOutcome o = engine.run(s, rig);

            assertThat(o.verdict()).as(step).isEqualTo(Verdict.ERROR);
            assertThat(o.message()).as(step).startsWith("line 7 (" + s.steps().get(0).keyword() + "): the scenario reached"
                    + " the limit of 600 s (profile limits.scenario_limit; a scenario sets a longer one with 'limit:') at"
                    + " 600 s; this step would have run until ");
            assertThat(o.rigBroke()).isFalse();
            assertThat(rig.nowNanos()).as(step).isEqualTo(limit);
            assertThat(o.endNanos()).isEqualTo(limit);
        }
    }

    @Test
    void aScenariosOwnLimitLetsItRunLongerThanTheProfilesAndHoldsItToItsOwn() {
        Scenario longer = loader.load("idle.yaml", IDLE.formatted("limit: 1200s", "wait: 900s"));
        Scenario shorter = loader.load("idle.yaml", IDLE.formatted("limit: profile.limits.serial_reply + 2s",
                "wait: 9223372036s"));

        ScenarioOutcome passed = engine.run(longer, open(longer, 42, List.of()));
        Rig rig = open(shorter, 42, List.of());
        ScenarioOutcome stopped = engine.run(shorter, rig);

        assertThat(passed.verdict()).as(passed.message()).isEqualTo(Verdict.PASS);
        assertThat(passed.endNanos()).isGreaterThan(900_000_000_000L);
        assertThat(stopped.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(stopped.message()).startsWith("line 7 (wait): the scenario reached its limit"
                + " profile.limits.serial_reply + 2s (2.005 s) at 2.005 s");
        assertThat(rig.nowNanos()).isEqualTo(2_005_000_000L);
    }

    private static Rig open(Scenario s, long seed, List<String> defects) {
        return RIGS.open(s.board(), s.emulateOtherBoard(), seed, defects);
    }

    private static long lastEdge(Trace trace, String path, Level level) {
        int id = trace.find(path).id();
        long[] t = {-1};
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level l) {
                if (signalId == id && l == level && timeNanos > 0) {
                    t[0] = timeNanos;
                }
            }
        });
        return t[0];
    }
}
