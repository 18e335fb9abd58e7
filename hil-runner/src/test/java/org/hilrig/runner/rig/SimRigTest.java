package org.hilrig.runner.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated rig against the rig contract, plus what is particular to it. */
class SimRigTest extends RigContract {
    private static final SimRigs RIGS = SimRigs.fromFixtures(Path.of("../fixtures/boards"));

    @Override
    Rig openGenRig() {
        return RIGS.open("GEN", false, 42, List.of());
    }

    @Test
    void timestampsAreExact() {
        assertThat(rig.timestampUncertaintyNanos()).isZero();
        assertThat(rig.byteNanos()).isEqualTo(86_806L); // 10 bits at 115200 baud, from the board profile
    }

    @Test
    void delayedInjectionIsRefusedSoLimitsAreMeasuredFromTheFault() {
        assertThatThrownBy(() -> rig.inject("door_open", Map.of("after", "5ms")))
                .hasMessageContaining("'after' and 'when' are not allowed");
    }

    @Test
    void theVocabularyIsTheMachinesLinesFaultsAndDefects() {
        var v = RIGS.vocabulary(Set.of("REQ-X-001"));

        assertThat(v.inputs()).containsExactlyInAnyOrder("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP", "ROTOR_START");
        assertThat(v.outputs()).contains("HV_ENABLE", "XRAY_ON", "READY", "DOOR_CLOSED", "TUB_FAULT").doesNotContain("PREP_REQ");
        assertThat(v.faults()).containsKeys("door_open", "arc_burst", "serial_flood");
        assertThat(v.faults().get("arc_burst")).containsExactly("arcs", "spacing");
        assertThat(v.defects()).hasSize(16).contains("SLOW_INTERLOCK");
        assertThat(v.nakCodes()).containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09");
        assertThat(v.profileLimits()).contains("prep.rotor_timeout", "backup_time", "mcu.watchdog_timeout");
    }

    @Test
    void profileLimitsComeFromTheBoardUnderTestsProfile() {
        var limits = RIGS.limits();

        assertThat(limits.window("prep.rotor_timeout", "GEN", null).maxNanos()).isEqualTo(2_000_000_000L);
        assertThat(limits.window("rotor.accel_timeout", "GEN", null).maxNanos()).isEqualTo(2_000_000_000L);
        var backup = limits.window("backup_time", "GEN", new org.hilrig.runner.scenario.Technique(80, 100, 200));
        assertThat(backup.minNanos()).isEqualTo(200_000_000L);
        assertThat(backup.maxNanos()).isEqualTo(221_000_000L);
    }
}
