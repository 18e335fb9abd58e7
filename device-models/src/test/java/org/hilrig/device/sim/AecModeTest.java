package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hilrig.device.sim.Rig.MS;

import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.GeneratorDefects;
import org.hilrig.device.firmware.GenFault;
import org.hilrig.device.firmware.GenState;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameKind;
import org.junit.jupiter.api.Test;

/**
 * AEC mode (docs/protocol-additions.md): {@code AEC 1} has the AEC chamber end the exposure, the set time
 * unused, and the backup end it at the lesser of 600 mAs / mA and 60 kWs / kW (21 CFR 1020.31(a)(3)),
 * latching F10. Reference profile: 80 kV, 250 mA, 100 ms after boot.
 */
class AecModeTest {
    private static Rig booted() {
        Rig r = Rig.gen();
        r.run(60 * MS);
        return r;
    }

    private static String nak(Frame f) {
        assertThat(f.kind()).as("reply %s", f).isEqualTo(FrameKind.NAK);
        return f.nakCodeText();
    }

    @Test
    void aecSwitchesTheModeAndReportsTheBackupTimeOfEach() {
        Rig r = booted();
        // 600 mAs / 250 mA = 2.4 s; 60 kWs / (80 kV x 250 mA = 20 kW) = 3 s: the mAs limit comes first
        assertThat(r.command("AEC", "1").values().asMap()).containsEntry("aec", "1").containsEntry("backup_ms", "2400.0");
        // 150 kV x 500 mA = 75 kW: 60 kWs / 75 kW = 0.8 s comes before 600 mAs / 500 mA = 1.2 s
        r.command("SMA", "500");
        r.command("SKV", "150");
        assertThat(r.command("AEC", "1").values().text("backup_ms")).isEqualTo("800.0");
        // manual: 110 % of the set 100 ms + 1 ms
        assertThat(r.command("AEC", "0").values().asMap()).containsEntry("aec", "0").containsEntry("backup_ms", "111.0");
        assertThat(r.command("STA").values().text("ms")).isEqualTo("100.0");
    }

    @Test
    void aecIsRefusedWithABadArgumentOutsideStandbyAndBeyondTheAnode() {
        Rig r = booted();
        assertThat(nak(r.command("AEC"))).isEqualTo("01");
        assertThat(nak(r.command("AEC", "on"))).isEqualTo("01");
        assertThat(nak(r.command("AEC", "2"))).isEqualTo("03");
        assertThat(nak(r.command("AEC", "1", "1"))).isEqualTo("01");
        r.toReady();
        assertThat(nak(r.command("AEC", "1"))).isEqualTo("04");

        // 80 kV x 600 mAs x 1.4 = 67.2 kHU, the backup's heat, does not fit a 4 kHU anode; 100 ms (2.8 kHU) does
        Rig small = Rig.gen(p -> p.with(GeneratorKeys.ANODE_CAPACITY_KHU, "4"));
        small.run(60 * MS);
        assertThat(nak(small.command("AEC", "1"))).isEqualTo("03");
        assertThat(small.command("AEC", "0").kind()).isEqualTo(FrameKind.ACK);
    }

    @Test
    void anAecExposureRunsPastItsSetTimeUntilTheChamberStopsIt() {
        Rig r = booted();
        r.command("AEC", "1");
        r.toExposing();
        r.run(500 * MS);
        assertThat(r.isHigh("HV_ENABLE")).as("the set 100 ms does not end an AEC exposure").isTrue();
        r.press("AEC_STOP");
        r.run(100 * Rig.US);
        assertThat(r.isHigh("HV_ENABLE")).isFalse();
        r.run(10 * MS);
        assertThat(r.events("XOFF", "end", "AEC")).hasSize(1);
        assertThat(r.m.generator().faults()).isEmpty();
        assertThat(r.m.generator().state()).isEqualTo(GenState.READY);
    }

    @Test
    void whenTheChamberNeverStopsTheMasBackupEndsTheExposureAtMasMaxOverMaAndLatchesF10() {
        Rig r = booted();
        r.command("AEC", "1");
        r.toExposing();
        long hvOn = r.edge("HV_ENABLE", true, 0);
        r.run(3_000 * MS);
        // 600 mAs / 250 mA = 2.4 s from HV on
        assertThat(r.edge("HV_ENABLE", false, hvOn) - hvOn).isEqualTo(2_400 * MS);
        assertThat(r.m.generator().faults()).containsExactly(GenFault.F10);
        assertThat(r.events("XOFF", "end", "BACKUP")).hasSize(1);
        // what the tube delivered: 250 mA for 2.4 s from HV on = 600 mAs, within the profile's mAs accuracy
        // (5 % + 0.5 mAs: the unit's emission and the tail)
        double mas = Double.parseDouble(r.command("LXP").values().text("mas"));
        assertThat(mas).isCloseTo(600.0, within(600 * 0.05 + 0.5));
    }

    @Test
    void withoutTheBackupTimerNothingEndsAnAecExposureWhoseChamberNeverStops() {
        Rig r = Rig.gen(GeneratorDefects.NO_BACKUP_TIMER);
        r.run(60 * MS);
        r.command("AEC", "1");
        r.toExposing();
        r.run(5_000 * MS);
        assertThat(r.isHigh("HV_ENABLE")).isTrue();
        assertThat(r.m.generator().faults()).isEmpty();
    }

    @Test
    void aResetReturnsToManual() {
        Rig r = booted();
        r.command("AEC", "1");
        r.m.inject("brown_out", java.util.Map.of("length", "30ms"));
        r.run(200 * MS);
        r.command("RST");
        r.toExposing();
        r.run(200 * MS);
        assertThat(r.events("XOFF", "end", "TIMER")).hasSize(1);
    }
}
