package org.hilrig.runner.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.profile.ReferenceProfiles;
import org.junit.jupiter.api.Test;

/** The simulated rig against the rig contract, plus what is particular to it. */
class SimRigTest extends RigContract {
    private static final ReferenceProfiles PROFILES = ReferenceProfiles.load(Path.of("../fixtures/boards"));
    private static final SimRigs RIGS = new SimRigs(PROFILES.gen(), PROFILES.tub());

    @Override
    Rig openGenRig() {
        return RIGS.open(Board.GEN, false, 42, List.of());
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
    void itOffersTheMachinesInputsLinesFaultsAndDefects() {
        assertThat(RIGS.inputs()).containsExactlyInAnyOrder("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP", "ROTOR_START");
        assertThat(RIGS.lines()).contains("HV_ENABLE", "XRAY_ON", "READY", "DOOR_CLOSED", "TUB_FAULT", "PREP_REQ");
        assertThat(RIGS.faults()).containsKeys("door_open", "arc_burst", "serial_flood");
        assertThat(RIGS.faults().get("arc_burst")).containsExactly("arcs", "spacing");
        assertThat(RIGS.defectNames()).hasSize(16).contains("SLOW_INTERLOCK");
        assertThat(RIGS.defectName("slow_interlock")).isEqualTo("SLOW_INTERLOCK");
        assertThat(RIGS.defectName("SLOW")).isNull();
    }
}
