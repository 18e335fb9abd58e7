package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;
import static org.hilrig.device.sim.Rig.US;

import java.util.Map;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.GeneratorDefects;
import org.hilrig.device.firmware.GenFault;
import org.hilrig.device.firmware.GenState;
import org.hilrig.device.protocol.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each defect of domain.md, switched on by name, changes exactly the behaviour it names; off by default. */
class DefectsTest {
    /** The variant without any defect; every other variant is a {@link Defect}'s name. */
    private static final String CLEAN = "CLEAN";

    private static boolean clean(String variant) {
        return variant.equals(CLEAN);
    }

    /** The defects of a variant: none for {@link #CLEAN}, else the one it names. */
    private static Defect[] defects(String variant) {
        return clean(variant) ? new Defect[0] : new Defect[] {java.util.Objects.requireNonNull(org.hilrig.device.board.Boards.defect(variant), variant)};
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "SLOW_INTERLOCK"})
    void slowInterlockPollsTheDoorEveryTenMilliseconds(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.toExposing();
        r.run(3 * MS + 300 * US); // between two polls
        long t = r.now();
        r.m.inject("door_open");
        r.run(20 * MS);
        long latency = r.edge("HV_ENABLE", false, t) - t;
        if (clean(variant)) {
            assertThat(latency).isEqualTo(2 * US);
        } else {
            assertThat(latency).isGreaterThan(MS).isLessThanOrEqualTo(10 * MS);
        }
    }

    @Test
    void doorIgnoredInPrepLetsAnExposureStartWithTheDoorOpen() {
        Rig clean = Rig.gen();
        clean.run(60 * MS);
        clean.press("PREP_REQ");
        clean.run(100 * MS);
        clean.m.inject("door_open");
        clean.run(2_000 * MS);
        assertThat(clean.m.generator().faults()).containsExactly(GenFault.F01);

        Rig bad = Rig.gen(GeneratorDefects.DOOR_IGNORED_IN_PREP);
        bad.run(60 * MS);
        bad.press("PREP_REQ");
        bad.run(100 * MS);
        bad.m.inject("door_open");
        bad.run(2_000 * MS);
        assertThat(bad.m.generator().faults()).isEmpty();
        bad.press("EXP_REQ_A", "EXP_REQ_B");
        bad.run(5 * MS);
        assertThat(bad.isHigh("XRAY_ON")).isTrue();
        assertThat(bad.isHigh("DOOR_CLOSED")).isFalse();
    }

    private static Rig twoExposuresWithTwoArcsEach(Defect... d) {
        Rig r = Rig.gen(d);
        for (int i = 0; i < 2; i++) {
            if (i == 0) {
                r.toExposing();
            } else {
                r.release("EXP_REQ_A", "EXP_REQ_B");
                r.run(10 * MS);
                r.press("EXP_REQ_A", "EXP_REQ_B");
                r.runUntil(() -> r.isHigh("XRAY_ON"), 10 * MS);
            }
            r.m.inject("arc_burst", Map.of("arcs", "2", "spacing", "5ms"));
            r.run(150 * MS);
        }
        return r;
    }

    @Test
    void arcCountNotResetCarriesArcsIntoTheNextExposure() {
        Rig clean = twoExposuresWithTwoArcsEach();
        assertThat(clean.m.generator().faults()).isEmpty();
        assertThat(clean.events("XOFF", "end", "TIMER")).hasSize(2);
        Rig bad = twoExposuresWithTwoArcsEach(GeneratorDefects.ARC_COUNT_NOT_RESET);
        assertThat(bad.m.generator().faults()).containsExactly(GenFault.F07);
        assertThat(bad.events("ARC", "n", "4")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "ARC_LIMIT_OFF_BY_ONE"})
    void arcLimitOffByOneAbortsOnTheFifthArc(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.toExposing();
        r.m.inject("arc_burst", Map.of("arcs", "6", "spacing", "4ms"));
        r.run(50 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F07);
        assertThat(r.events("ARC")).hasSize(clean(variant) ? 4 : 5);
    }

    @Test
    void noBackupTimerLetsTheExposureRunOnWhenTheTimerTickIsLost() {
        Rig bad = Rig.gen(GeneratorDefects.NO_BACKUP_TIMER);
        bad.toReady();
        bad.m.inject("exposure_timer_lost");
        bad.press("EXP_REQ_A", "EXP_REQ_B");
        bad.run(2_000 * MS);
        assertThat(bad.m.generator().state()).isEqualTo(GenState.EXPOSING);
        assertThat(bad.isHigh("XRAY_ON")).isTrue();
        // the clean firmware ends it at 111 ms: see FaultScenariosTest
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "COMMS_LOSS_IGNORED_IN_EXPOSURE"})
    void commsLossIgnoredInExposureLetsItRunToTheTimer(String variant) {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "1000"), defects(variant));
        r.toReady();
        r.command("WDG", "200");
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(1_500 * MS);
        String end = r.m.generator().lastExposure().end().name();
        assertThat(end).isEqualTo(clean(variant) ? "COMMS" : "TIMER");
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F12);
    }

    @Test
    void singleChannelExposeExposesOnChannelAAlone() {
        Rig clean = Rig.gen();
        clean.toReady();
        clean.press("EXP_REQ_A");
        clean.run(50 * MS);
        assertThat(clean.edgeCount("HV_ENABLE", true, 0)).isZero();
        Rig bad = Rig.gen(GeneratorDefects.SINGLE_CHANNEL_EXPOSE);
        bad.toReady();
        bad.press("EXP_REQ_A");
        bad.run(50 * MS);
        assertThat(bad.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        assertThat(bad.m.generator().faults()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "ROTOR_TIMEOUT_5S"})
    void rotorTimeoutFiveSecondsDeclaresRotorNotReadyLate(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.run(60 * MS);
        r.m.inject("rotor_slow", Map.of("factor", "0.1"));
        r.press("PREP_REQ");
        r.run(6_000 * MS);
        long prep = r.edge("ROTOR_START", true, 0);
        assertThat(r.edge("FAULT", true, 0) - prep).isEqualTo(clean(variant) ? 2_000 * MS : 5_000 * MS);
    }

    @Test
    void readyBeforeRotorAssertsReadyWithoutRotorReady() {
        Rig bad = Rig.gen(GeneratorDefects.READY_BEFORE_ROTOR);
        bad.run(60 * MS);
        bad.press("PREP_REQ");
        bad.run(2_000 * MS);
        long ready = bad.edge("READY", true, 0);
        assertThat(ready).isLessThan(bad.edge("ROTOR_READY", true, 0));
        assertThat(ready - bad.edge("ROTOR_START", true, 0)).isEqualTo(400 * MS); // the filament boost only
        Rig clean = Rig.gen();
        clean.toReady();
        assertThat(clean.edge("READY", true, 0)).isGreaterThan(clean.edge("ROTOR_READY", true, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "CRC_NOT_CHECKED"})
    void crcNotCheckedExecutesAFrameWithAWrongCrc(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.run(60 * MS);
        byte[] bad = Frame.command(0x10, "SKV", "100").encode();
        bad[bad.length - 2] = (byte) (bad[bad.length - 2] == '0' ? '1' : '0');
        r.send(bad);
        r.run(20 * MS);
        Frame sta = r.command("STA");
        assertThat(sta.values().text("kv")).isEqualTo(clean(variant) ? "80.0" : "100.0");
        assertThat(sta.values().text("crcerr")).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "HEAT_LIMIT_IGNORED"})
    void heatLimitIgnoredExposesBeyondTheAnodeCapacity(String variant) {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.ANODE_CAPACITY_KHU, "2"), defects(variant));
        r.run(60 * MS);
        r.press("PREP_REQ");
        r.run(2_000 * MS);
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        if (clean(variant)) {
            assertThat(r.m.generator().faults()).containsExactly(GenFault.F11);
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
            assertThat(r.edgeCount("ROTOR_START", true, 0)).isZero();
        } else {
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "HEAT_CHECK_AT_PREP_ONLY"})
    void heatCheckAtPrepOnlyExposesAgainInAHeldPrepBeyondTheCapacity(String variant) {
        // 80 kV x 250 mA x 0.1 s x 1.4 = 2.8 kHU an exposure: one fits 4 kHU, two do not
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.ANODE_CAPACITY_KHU, "4"), defects(variant));
        r.run(60 * MS);
        r.press("PREP_REQ");
        r.run(2_000 * MS);
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        r.release("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        if (clean(variant)) {
            assertThat(r.m.generator().faults()).containsExactly(GenFault.F11);
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        } else {
            assertThat(r.m.generator().faults()).isEmpty();
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "MAS_FROM_SETPOINT"})
    void masFromSetpointReportsTheSetCurrentTimesTheTimeThroughArcs(String variant) {
        // 250 mA for 20 ms is 5 mAs asked for; three arcs of 1 ms off deliver nothing
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "20"), defects(variant));
        r.toExposing();
        r.run(3 * MS);
        r.m.inject("arc_burst", Map.of("arcs", "3", "spacing", "4ms"));
        r.run(100 * MS);
        double mas = r.m.generator().lastExposure().mas();
        if (clean(variant)) {
            assertThat(mas).isBetween(4.2, 4.6);
            assertThat(r.m.generator().lastExposure().ms()).isBetween(20.05, 20.15);
        } else {
            assertThat(mas).isEqualTo(5.0);
            assertThat(r.m.generator().lastExposure().ms()).isEqualTo(20.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "TIMER_RESTART_ON_ARC"})
    void timerRestartOnArcRunsAnArcingExposureLong(String variant) {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "20"), defects(variant));
        r.toExposing();
        long xon = r.edge("XRAY_ON", true, 0);
        r.run(3 * MS);
        r.m.inject("arc", Map.of());
        r.run(100 * MS);
        long hvOff = r.edge("HV_ENABLE", false, xon + 5 * MS);
        // the timer runs from the first X-ray on; restarted, it runs 20 ms from the restart 1 ms after the arc
        assertThat(hvOff - xon).isBetween(clean(variant) ? 20 * MS : 21 * MS, clean(variant) ? 20 * MS + 10 * US : 25 * MS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "KV_FB_SCALE"})
    void kvFbScaleReadsEveryKvFivePercentHigh(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.toExposing();
        r.run(200 * MS);
        // 80 kV delivered either way (the plant follows the demand); the firmware's reading is what differs
        assertThat(r.m.generator().lastExposure().kv()).isCloseTo(clean(variant) ? 80.0 : 84.0, org.assertj.core.api.Assertions.within(0.1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "RESUME_AFTER_BROWNOUT"})
    void resumeAfterBrownOutRestartsTheExposureWhileTheHandswitchIsHeld(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.toExposing();
        r.run(20 * MS);
        r.m.inject("brown_out", Map.of("length", "30ms"));
        r.run(1_000 * MS);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(clean(variant) ? 1 : 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "EXPOSE_HELD_AT_BOOT"})
    void exposeHeldAtBootStartsAnExposure(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.m.inject("handswitch_stuck");
        r.run(2_000 * MS);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(clean(variant) ? 0 : 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "POWER_LIMIT_UNCHECKED"})
    void powerLimitUncheckedAcceptsTechniquesOverEightyKilowatts(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.run(60 * MS);
        r.command("SMS", "10");
        r.command("SMA", "1000");
        Frame f = r.command("SKV", "120");
        assertThat(f.kind().name()).isEqualTo(clean(variant) ? "NAK" : "ACK");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "RESET_WHILE_ACTIVE"})
    void resetWhileActiveClearsAFaultWhoseCauseIsPresent(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.run(60 * MS);
        r.m.inject("estop_press");
        r.run(MS);
        Frame f = r.command("RST");
        if (clean(variant)) {
            assertThat(f.nakCodeText()).isEqualTo("09");
            assertThat(r.isHigh("FAULT")).isTrue();
        } else {
            assertThat(f.text()).contains("ACK,RST,flt=0");
            assertThat(r.isHigh("FAULT")).isFalse();
        }
    }

    @Test
    void xrayOnFromCommandHasNoDecayTail() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MA, "10"), GeneratorDefects.XRAY_ON_FROM_COMMAND);
        r.toExposing();
        r.run(200 * MS);
        long hvOn = r.edge("HV_ENABLE", true, 0);
        long hvOff = r.edge("HV_ENABLE", false, 0);
        assertThat(r.edge("XRAY_ON", true, 0)).isEqualTo(hvOn);
        assertThat(r.edge("XRAY_ON", false, 0)).isEqualTo(hvOff);
        Rig clean = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MA, "10"));
        clean.toExposing();
        clean.run(200 * MS);
        // 20 kV through 2 nF at 10.5 mA and the 200 mA discharge: 190 us of tail
        assertThat(clean.edge("XRAY_ON", false, 0) - clean.edge("HV_ENABLE", false, 0)).isBetween(190 * US, 194 * US);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "HEAT_LOST_ON_RESET"})
    void heatLostOnResetLetsAHotAnodeExposeAfterABrownOut(String variant) {
        // 80 kV x 250 mA x 0.1 s x 1.4 = 2.8 kHU an exposure: one fits 4 kHU, two do not
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.ANODE_CAPACITY_KHU, "4"), defects(variant));
        r.toExposing();
        r.run(200 * MS);
        r.release("EXP_REQ_A", "EXP_REQ_B", "PREP_REQ");
        r.run(100 * MS);
        r.m.inject("brown_out", Map.of("length", "30ms"));
        r.run(200 * MS);
        assertThat(r.events("BOOT", "reason", "BROWNOUT")).hasSize(1);
        assertThat(r.command("RST").text()).contains("ACK,RST,flt=0");
        r.press("PREP_REQ");
        r.run(2_000 * MS);
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(200 * MS);
        if (clean(variant)) {
            assertThat(r.m.generator().faults()).containsExactly(GenFault.F11);
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        } else {
            assertThat(r.m.generator().faults()).isEmpty();
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "RELEASE_DEBOUNCED"})
    void releaseDebouncedKeepsHvOnTwentyMillisecondsAfterTheRelease(String variant) {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "1000"), defects(variant));
        r.toExposing();
        r.run(100 * MS);
        long t = r.now();
        r.release("EXP_REQ_A", "EXP_REQ_B");
        r.run(50 * MS);
        long latency = r.edge("HV_ENABLE", false, t) - t;
        assertThat(latency).isEqualTo(clean(variant) ? 2 * US : 20 * MS + 2 * US);
        assertThat(r.m.generator().lastExposure().end().name()).isEqualTo("HANDSWITCH");
        assertThat(r.m.generator().faults()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "IWDG_KICKED_IN_ISR"})
    void iwdgKickedInIsrNeverResetsAHungMainLoop(String variant) {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DEFAULT_MS, "1000"), defects(variant));
        r.toExposing();
        long t = r.now();
        r.m.inject("firmware_hang", Map.of("length", "500ms"));
        r.run(300 * MS);
        if (clean(variant)) {
            assertThat(r.events("BOOT", "reason", "WATCHDOG")).hasSize(1);
            assertThat(r.edge("HV_ENABLE", false, t) - t).isBetween(49 * MS, 51 * MS);
            assertThat(r.m.generator().faults()).containsExactly(GenFault.F13);
        } else {
            assertThat(r.events("BOOT", "reason", "WATCHDOG")).isEmpty();
            assertThat(r.isHigh("HV_ENABLE")).isTrue();
            assertThat(r.m.generator().faults()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CLEAN, "REMOTE_WITHOUT_WDG"})
    void remoteWithoutWdgExposesOnTheHostsCommandWithTheHostWatchdogOff(String variant) {
        Rig r = Rig.gen(defects(variant));
        r.run(60 * MS);
        r.command("MOD", "REMOTE");
        r.command("PRP", "1");
        r.runUntil(() -> r.isHigh("READY"), 2_000 * MS);
        Frame f = r.command("EXP", "1");
        r.run(200 * MS);
        if (clean(variant)) {
            assertThat(f.nakCodeText()).isEqualTo("04");
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
        } else {
            assertThat(f.text()).contains("ACK,EXP,state=EXPOSING");
            assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
        }
    }

    @Test
    void everyDefectIsOffByDefault() {
        Rig r = Rig.gen();
        r.toExposing();
        r.run(200 * MS);
        assertThat(r.m.generator().faults()).isEmpty();
        assertThat(r.events("XOFF", "end", "TIMER")).hasSize(1);
    }
}
