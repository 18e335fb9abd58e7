package org.hilrig.runner.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hilrig.device.fault.FaultText;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.profile.ReferenceProfiles;
import org.junit.jupiter.api.Test;

/** The simulated rig against the rig contract, plus what is particular to it. */
class SimRigTest extends RigContract {
    private static final ReferenceProfiles PROFILES = ReferenceProfiles.load(Path.of("../fixtures/boards"));
    private static final SimRigs RIGS = new SimRigs(PROFILES.all());

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
    void everyFaultWithItsDefaultParametersReachesTheMachine() {
        for (PlantFault.Kind kind : PlantFault.Kind.values()) {
            Rig both = RIGS.open(Board.GEN, true, 42, List.of());
            both.runUntil(() -> false, 100 * MS);

            assertThat(both.inject(FaultText.parse(kind.faultName(), Map.of()))).as(kind.faultName()).isEqualTo(100 * MS);
            both.close();
        }
    }

    @Test
    void aFaultsParameterValueReachesTheMachine() {
        rig.runUntil(() -> false, 1_000 * MS);
        long bootsBefore = framesTo("tx").size();

        long t = rig.inject(new PlantFault.PowerLoss(20 * MS));
        rig.runUntil(() -> false, t + 700 * MS);

        assertThat(framesTo("tx").subList((int) bootsBefore, framesTo("tx").size()))
                .as("power returns after its 20 ms: the board boots again and speaks").isNotEmpty()
                .allMatch(at -> at > t + 20 * MS);
    }

    @Test
    void itOffersTheMachinesInputsLinesFaultsAndDefects() {
        assertThat(RIGS.inputs()).containsExactlyInAnyOrder("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP", "ROTOR_START");
        assertThat(RIGS.lines()).contains("HV_ENABLE", "XRAY_ON", "READY", "DOOR_CLOSED", "TUB_FAULT", "PREP_REQ");
        assertThat(RIGS.faults()).containsKeys("door_open", "arc_burst", "serial_flood");
        assertThat(RIGS.faults().get("arc_burst")).containsExactly("arcs", "spacing");
        assertThat(RIGS.defectNames()).hasSize(24).contains("SLOW_INTERLOCK");
        assertThat(RIGS.defectName("slow_interlock")).isEqualTo("SLOW_INTERLOCK");
        assertThat(RIGS.defectName("SLOW")).isNull();
    }
}
