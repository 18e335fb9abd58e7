package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.device.sim.Rig.MS;
import static org.hilrig.device.sim.Rig.US;

import java.util.EnumSet;
import java.util.Map;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.GenFault;
import org.hilrig.device.firmware.GenState;
import org.hilrig.device.profile.Board;
import org.junit.jupiter.api.Test;

/** Every fault scenario of domain.md, injected by name into the reference GEN and its plant. */
class FaultScenariosTest {
    private static final long LATENCY = 2 * US;

    @Test
    void doorOpenedDuringExposureDropsHvWithinOneMillisecondAndXrayWithinTwo() {
        Rig r = Rig.gen();
        r.toExposing();
        r.run(10 * MS);
        long t = r.now();
        r.m.inject("door_open");
        r.run(20 * MS);
        assertThat(r.edge("HV_ENABLE", false, t) - t).isEqualTo(LATENCY);
        assertThat(r.edge("XRAY_ON", false, t) - t).isLessThan(2 * MS);
        assertThat(r.events("FAULT", "code", "F01")).hasSize(1);
        assertThat(r.events("XOFF", "end", "INTERLOCK")).hasSize(1);
        assertThat(r.isHigh("FAULT")).isTrue();
    }

    @Test
    void doorOpenedInPrepLatchesF01AndDropsRotorStart() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.press("PREP_REQ");
        r.run(300 * MS);
        r.m.inject("door_open");
        r.run(10 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F01);
        assertThat(r.isHigh("ROTOR_START")).isFalse();
    }

    @Test
    void eStopLatchesF02EvenInStandby() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.m.inject("estop_press");
        r.run(MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F02);
    }

    @Test
    void aSingleArcRecoversAboveNinetyPercentWithinFiveMilliseconds() {
        Rig r = Rig.gen();
        r.toExposing();
        r.run(10 * MS);
        long t = r.now();
        r.m.inject("arc");
        r.run(10 * MS);
        assertThat(r.edge("HV_ENABLE", false, t) - t).isLessThanOrEqualTo(20 * US);
        long back = r.edge("HV_ENABLE", true, t);
        assertThat(back - t).isEqualTo(LATENCY + MS); // arc off time 1 ms
        assertThat(r.edge("XRAY_ON", true, t)).isLessThan(t + 5 * MS);
        assertThat(r.events("ARC", "n", "1")).hasSize(1);
        assertThat(r.m.generator().state()).isEqualTo(GenState.EXPOSING);
        r.run(200 * MS);
        assertThat(r.events("XOFF", "end", "TIMER")).hasSize(1);
        assertThat(r.m.generator().lastExposure().arcs()).isEqualTo(1);
    }

    @Test
    void theFourthArcOfABurstAbortsWithF07WithinOneMillisecond() {
        Rig r = Rig.gen();
        r.toExposing();
        r.run(10 * MS);
        long t = r.now();
        r.m.inject("arc_burst", Map.of("arcs", "4", "spacing", "5ms"));
        r.run(30 * MS);
        assertThat(r.events("ARC")).hasSize(4);
        long fourth = t + 15 * MS;
        assertThat(r.edge("HV_ENABLE", false, fourth) - fourth).isLessThan(MS);
        assertThat(r.events("FAULT", "code", "F07")).hasSize(1);
        assertThat(r.events("XOFF", "end", "ARC")).hasSize(1);
    }

    @Test
    void aHardShortArcsOnEveryEnableUntilTheArcLimit() {
        Rig r = Rig.gen();
        r.toReady();
        r.m.inject("hard_short");
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(20 * MS);
        assertThat(r.events("ARC")).hasSize(4);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F07);
        assertThat(r.edgeCount("XRAY_ON", true, 0)).isZero();
    }

    @Test
    void anOpenFilamentIsFoundAtPrepAndDuringExposure() {
        Rig atPrep = Rig.gen();
        atPrep.run(60 * MS);
        atPrep.m.inject("filament_open");
        atPrep.press("PREP_REQ");
        atPrep.run(10 * MS);
        assertThat(atPrep.m.generator().faults()).containsExactly(GenFault.F06);

        Rig during = Rig.gen();
        during.toExposing();
        during.run(5 * MS);
        during.m.inject("filament_open");
        during.run(20 * MS);
        assertThat(during.m.generator().faults()).containsExactly(GenFault.F06);
        assertThat(during.events("XOFF", "end", "FAULT")).hasSize(1);
    }

    @Test
    void aRotorNotUpToSpeedGivesF04AtTwoSeconds() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.m.inject("rotor_slow", Map.of("factor", "0.5"));
        long t = r.now();
        r.press("PREP_REQ");
        r.run(3_000 * MS);
        long fault = r.edge("FAULT", true, t);
        long prep = r.edge("ROTOR_START", true, t);
        assertThat(fault - prep).isEqualTo(2_000 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F04);
    }

    @Test
    void aRotorStallDuringExposureDropsHvWithinTenMilliseconds() {
        Rig r = Rig.gen();
        r.toExposing();
        long t = r.now();
        r.m.inject("rotor_stall");
        r.run(50 * MS);
        long lost = r.edge("ROTOR_READY", false, t);
        assertThat(r.edge("HV_ENABLE", false, t) - lost).isLessThanOrEqualTo(10 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F05);
    }

    @Test
    void theTubeControllerStartRateLimitKeepsTheRotorStill() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.m.inject("start_rate");
        r.press("PREP_REQ");
        r.run(2_100 * MS);
        assertThat(r.edge("TUB_FAULT", true, 0)).isEqualTo(r.edge("ROTOR_START", true, 0));
        assertThat(r.edgeCount("ROTOR_READY", true, 0)).isZero();
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F04);
    }

    @Test
    void theHousingThermalSwitchLatchesF03() {
        Rig r = Rig.gen();
        r.toExposing();
        r.m.inject("thermal_switch_open");
        r.run(20 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F03);
        assertThat(r.events("XOFF", "end", "INTERLOCK")).hasSize(1);
    }

    @Test
    void overKvAndKvRegulationFaults() {
        Rig over = Rig.gen();
        over.toExposing();
        over.m.inject("over_kv");
        over.run(5 * MS);
        assertThat(over.m.generator().faults()).containsExactly(GenFault.F08);

        Rig low = Rig.gen();
        low.toExposing();
        long t = low.now();
        low.m.inject("kv_regulation", Map.of("factor", "0.85"));
        low.run(20 * MS);
        assertThat(low.m.generator().faults()).containsExactly(GenFault.F09);
        assertThat(low.edge("HV_ENABLE", false, t) - t).isBetween(5 * MS, 7 * MS);
    }

    @Test
    void theAecChamberEndsTheExposureAndTheBackupTimerEndsItWhenTheTimerTickIsLost() {
        Rig aec = Rig.gen();
        aec.m.inject("aec_stop", Map.of("after_xray_on", "30ms"));
        aec.toExposing();
        aec.run(100 * MS);
        assertThat(aec.events("XOFF", "end", "AEC")).hasSize(1);
        // 30 ms from X-ray on, and the loading time runs on through the 0.09 ms tail
        assertThat(aec.m.generator().lastExposure().ms()).isBetween(30.08, 30.1);

        Rig backup = Rig.gen();
        backup.toReady();
        backup.m.inject("exposure_timer_lost");
        backup.press("EXP_REQ_A", "EXP_REQ_B");
        backup.run(300 * MS);
        long hvOn = backup.edge("HV_ENABLE", true, 0);
        assertThat(backup.edge("HV_ENABLE", false, hvOn) - hvOn).isEqualTo(111 * MS); // 110 % of 100 ms + 1 ms
        assertThat(backup.m.generator().faults()).containsExactly(GenFault.F10);
        assertThat(backup.events("XOFF", "end", "BACKUP")).hasSize(1);
    }

    @Test
    void aHandswitchHeldThroughBootGivesNoExposureUntilReleased() {
        Rig r = Rig.gen();
        r.m.inject("handswitch_stuck");
        r.run(2_500 * MS);
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
        r.m.inject("handswitch_free");
        r.press("PREP_REQ");
        r.run(1_000 * MS);
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);
        r.press("EXP_REQ_A", "EXP_REQ_B");
        r.run(10 * MS);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
    }

    @Test
    void exposeChannelsThatDisagreeForTwentyMillisecondsLatchF15() {
        Rig r = Rig.gen();
        r.toReady();
        long t = r.now();
        r.press("EXP_REQ_A");
        r.run(30 * MS);
        assertThat(r.edge("FAULT", true, t) - t).isEqualTo(LATENCY + 500 * US + 20 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F15);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
    }

    @Test
    void prepHeldForThirtySecondsLatchesF16() {
        Rig r = Rig.gen();
        r.toReady();
        r.run(31_000 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F16);
        long prep = r.edge("ROTOR_START", true, 0);
        assertThat(r.edge("FAULT", true, 0) - prep).isEqualTo(30_000 * MS);
    }

    @Test
    void hostCommunicationLossIdleAndDuringExposure() {
        Rig idle = Rig.gen();
        idle.run(60 * MS);
        idle.command("WDG", "100");
        long last = idle.now();
        idle.run(200 * MS);
        assertThat(idle.m.generator().faults()).containsExactly(GenFault.F12);
        assertThat(idle.edge("FAULT", true, last) - last).isBetween(95 * MS, 110 * MS);

        Rig exp = Rig.gen(p -> p.with(org.hilrig.device.profile.GeneratorKeys.DEFAULT_MS, "1000"));
        exp.toReady();
        exp.command("WDG", "500");
        exp.press("EXP_REQ_A", "EXP_REQ_B");
        exp.run(600 * MS);
        assertThat(exp.events("XOFF", "end", "COMMS")).hasSize(1);
        assertThat(exp.m.generator().faults()).containsExactly(GenFault.F12);
    }

    @Test
    void aFloodOfGarbageOnTheSerialLineCausesNoAction() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        r.command("MOD", "REMOTE");
        r.m.inject("serial_flood", Map.of("length", "2s"));
        r.run(2_100 * MS);
        assertThat(r.m.generator().state()).isEqualTo(GenState.STANDBY);
        assertThat(r.edgeCount("ROTOR_START", true, 0)).isZero();
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
        assertThat(r.command("STA").values().text("kv")).isEqualTo("80.0");
    }

    @Test
    void aHungMainLoopIsResetByTheFirmwareWatchdog() {
        Rig r = Rig.gen();
        r.toExposing();
        long t = r.now();
        r.m.inject("firmware_hang");
        r.run(200 * MS);
        // the watchdog (50 ms) resets the core: outputs drop at once, BOOT reason=WATCHDOG after the boot time
        long hvOff = r.edge("HV_ENABLE", false, t);
        assertThat(hvOff - t).isBetween(49 * MS, 51 * MS);
        assertThat(r.events("BOOT", "reason", "WATCHDOG")).hasSize(1);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F13);
    }

    @Test
    void aBrownOutRebootsWithF14AndNoAutomaticResume() {
        Rig r = Rig.gen();
        r.toExposing();
        r.m.inject("brown_out", Map.of("depth_v", "12", "length", "50ms"));
        r.run(2_000 * MS);
        assertThat(r.events("BOOT", "reason", "BROWNOUT")).hasSize(1);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F14);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
    }

    @Test
    void aPowerLossStaysOffUntilRestoredAndBootsWithPoweron() {
        Rig r = Rig.gen();
        r.toExposing();
        r.m.inject("power_loss");
        r.run(1_000 * MS);
        assertThat(r.isHigh("HV_ENABLE")).isFalse();
        assertThat(r.events("BOOT")).hasSize(1);
        r.m.inject("power_restore");
        r.run(3_000 * MS);
        assertThat(r.events("BOOT", "reason", "POWERON")).hasSize(2);
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isEqualTo(1);
    }

    @Test
    void anInvalidTechniqueIsRefusedAndNeverGivesHv() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        assertThat(r.command("SKV", "160").nakCodeText()).isEqualTo("03");
        assertThat(r.command("SMA", "1000").kind().name()).isEqualTo("ACK");
        assertThat(r.command("SKV", "100").nakCodeText()).isEqualTo("03");
        assertThat(r.edgeCount("HV_ENABLE", true, 0)).isZero();
    }

    @Test
    void faultsCanWaitForAConditionAndUnknownNamesAreRefused() {
        Rig r = Rig.gen();
        r.m.inject("door_open", Map.of("when", "XRAY_ON", "after", "10ms"));
        r.toExposing();
        r.run(50 * MS);
        long xon = r.edge("XRAY_ON", true, 0);
        assertThat(r.edge("HV_ENABLE", false, 0) - xon).isEqualTo(10 * MS + LATENCY);
        assertThatThrownBy(() -> r.m.inject("door_slam")).hasMessageContaining("unknown fault 'door_slam'");
        assertThatThrownBy(() -> r.m.inject("arc_burst", Map.of("count", "3"))).hasMessageContaining("unknown parameter 'count'");
        assertThatThrownBy(() -> r.m.inject("arc_burst", Map.of("spacing", "5 parsecs"))).hasMessageContaining("spacing");
        assertThat(Machine.faultNames()).contains("door_open", "arc_burst", "brown_out", "power_loss", "firmware_hang");
    }

    @Test
    void aWireDelayAddsToTheDoorToHvLatency() {
        Machine m = Machine.builder().genProfile(org.hilrig.device.profile.ReferenceProfiles.gen()
                        .with(org.hilrig.device.profile.GeneratorKeys.BOUNCE_MAX, "0ns"))
                .tubProfile(org.hilrig.device.profile.ReferenceProfiles.tub())
                .wiring(Wiring.of(EnumSet.of(Board.GEN, Board.TUB)).withDelay("gen.door_closed", 5 * US)).seed(1).build();
        Rig r = new Rig(m);
        r.toExposing();
        long t = r.now();
        r.m.inject("door_open");
        r.run(MS);
        assertThat(r.edge("DOOR_CLOSED", false, t) - t).isEqualTo(5 * US);
        assertThat(r.edge("HV_ENABLE", false, t) - t).isEqualTo(5 * US + LATENCY);
        assertThat(r.m.line("plant.door_closed").lastChangeNanos()).isEqualTo(t);
    }

    @Test
    void anExposureOnAnUnboostedFilamentHasTooLittleEmission() {
        Rig boosted = Rig.gen();
        boosted.toExposing();
        boosted.run(10 * MS);
        assertThat(boosted.m.analog("MA_FB").value()).isEqualTo(250.0);

        // a profile that does not wait for the filament: 20 % standby emission, the emission check trips
        Rig cold = Rig.gen(p -> p.with(org.hilrig.device.profile.GeneratorKeys.FILAMENT_BOOST, "0ms"), org.hilrig.device.firmware.GeneratorDefects.READY_BEFORE_ROTOR);
        cold.run(60 * MS);
        cold.press("PREP_REQ");
        cold.run(MS);
        cold.press("EXP_REQ_A", "EXP_REQ_B");
        cold.run(10 * MS);
        assertThat(cold.m.generator().faults()).containsExactly(GenFault.F06);
    }
}
