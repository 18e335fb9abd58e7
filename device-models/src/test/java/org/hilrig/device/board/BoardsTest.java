package org.hilrig.device.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.device.sim.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The board definitions agree with each other and with the machines they make. */
class BoardsTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Board.class)
    void eachBoardHasOneDefinitionWhoseLineNamesAreUnique(Board b) {
        BoardDefinition d = Boards.of(b);
        List<String> names = d.lines().stream().map(LineSpec::name).toList();

        assertThat(d.board()).isEqualTo(b);
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(d.modes()).contains(Mode.EMULATED);
        assertThat(Boards.all()).containsOnlyOnce(d);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Board.class)
    void everyPartnerInputIsDrivenByAnOutputOfTheOtherBoard(Board b) {
        for (LineSpec l : Boards.of(b).lines()) {
            if (l.source() == LineSpec.Source.PARTNER) {
                LineSpec other = Boards.of(l.partner().board()).line(l.partner().line());
                assertThat(l.partner().board()).as(l.name()).isNotEqualTo(b);
                assertThat(other).as(l.partner().toString()).isNotNull();
                assertThat(other.side()).as(l.partner().toString()).isEqualTo(LineSpec.Side.OUT);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Board.class)
    void aLineFaultDrivesAPlantInputOfItsBoardAwayFromRest(Board b) {
        for (Map.Entry<PlantFault.Kind, LineLevel> e : Boards.of(b).lineFaults().entrySet()) {
            LineSpec l = Boards.of(b).line(e.getValue().line());
            assertThat(l).as(e.getKey().faultName()).isNotNull();
            assertThat(l.source()).as(e.getKey().faultName()).isEqualTo(LineSpec.Source.PLANT);
        }
        if (b == Board.GEN) {
            assertThat(Boards.of(b).lineFaults().get(PlantFault.Kind.DOOR_OPEN)).isEqualTo(new LineLevel("DOOR_CLOSED", false));
            assertThat(Boards.of(b).lineFaults()).hasSize(6);
        }
    }

    @Test
    void everyFaultKindHasExactlyOneAcceptorInTheTwoBoardMachine() {
        Machine m = Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub()).build();
        List<PlantFault.Kind> byBoards = new ArrayList<>();
        for (BoardDefinition d : Boards.all()) {
            byBoards.addAll(d.faults());
        }
        Set<PlantFault.Kind> machineOwn = EnumSet.allOf(PlantFault.Kind.class);
        machineOwn.removeAll(byBoards);

        assertThat(new HashSet<>(byBoards)).as("no kind belongs to two boards").hasSameSizeAs(byBoards);
        assertThat(m.acceptedFaults()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(PlantFault.Kind.class));
        assertThat(machineOwn).extracting(PlantFault.Kind::faultName).containsExactlyInAnyOrder("brown_out",
                "power_loss", "power_restore", "firmware_hang", "link_cut", "link_restore", "serial_noise", "serial_flood");
    }

    @Test
    void aTubeAloneRefusesTheGeneratorsFaultsNamingWhatIsMissing() {
        Machine m = Machine.builder().tubProfile(ReferenceProfiles.tub()).boardUnderTest(Board.TUB).build();

        assertThat(m.boards()).containsExactly(Board.TUB);
        assertThat(m.acceptedFaults()).doesNotContain(PlantFault.Kind.ARC).contains(PlantFault.Kind.ROTOR_STALL);
        assertThat(m.drivableLines()).containsExactly("ROTOR_START");
        assertThatThrownBy(() -> m.inject("arc")).hasMessage("fault arc: this machine has no HV tank (no generator)");
        assertThatThrownBy(() -> m.inject("door_open"))
                .hasMessage("fault door_open: this machine has no plant.door_closed (no generator)");
        assertThatThrownBy(() -> m.inject(new PlantFault.Simple(PlantFault.Kind.AEC_NEVER_STOPS)))
                .hasMessage("fault aec_never_stops: this machine has no AEC (no generator)");
        assertThatThrownBy(() -> m.drive("PREP_REQ", true))
                .hasMessage("'PREP_REQ' is not a rig-driven input of this machine (allowed: ROTOR_START)");
    }

    @Test
    void aTypedFaultActsLikeItsText() {
        Machine typed = Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub()).seed(3).build();
        Machine text = Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub()).seed(3).build();
        typed.runFor(1_000_000_000L);
        text.runFor(1_000_000_000L);

        typed.inject(new PlantFault.SerialNoise(4));
        text.inject("serial_noise", Map.of("bytes", 4));
        typed.runFor(50_000_000L);
        text.runFor(50_000_000L);
        typed.trace().end(typed.scheduler().nowNanos());
        text.trace().end(text.scheduler().nowNanos());

        assertThat(typed.trace().sha256Hex()).isEqualTo(text.trace().sha256Hex());
        assertThat(typed.drivableLines()).containsExactly("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP");
    }
}
