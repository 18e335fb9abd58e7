package org.hilrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The library and the requirement list cover each other, and the library covers domain.md's list. */
class TraceabilityTest {
    private static final Library LIBRARY = Library.open(Library.home());
    private static final List<Scenario> SCENARIOS = LIBRARY.load(List.of());

    @Test
    void everyRequirementIsVerifiedByAtLeastOneScenario() {
        Set<String> unverified = new TreeSet<>(LIBRARY.requirements().ids());
        SCENARIOS.forEach(s -> unverified.removeAll(s.requirements()));

        assertThat(unverified).as("requirements no scenario names").isEmpty();
    }

    @Test
    void theLibraryHasAtLeastFortyScenariosOnBothBoardsAndBothKindsOfOtherBoard() {
        assertThat(SCENARIOS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(SCENARIOS).anyMatch(s -> s.board() == Board.TUB);
        assertThat(SCENARIOS).anyMatch(s -> s.board() == Board.GEN && s.emulateOtherBoard());
        assertThat(SCENARIOS).anyMatch(s -> s.board() == Board.GEN && !s.emulateOtherBoard());
    }

    @Test
    void everyPlantFaultOfTheDomainListIsInjectedBySomeScenario() {
        Set<String> injected = new TreeSet<>();
        SCENARIOS.forEach(s -> s.steps().forEach(step -> {
            if (step instanceof org.hilrig.runner.scenario.Step.Fault f) {
                injected.add(f.name());
            }
        }));

        assertThat(injected).contains("arc", "arc_burst", "hard_short", "filament_open", "rotor_slow", "rotor_stall",
                "start_rate", "thermal_switch_open", "over_kv", "kv_regulation", "aec_stop", "aec_never_stops",
                "exposure_timer_lost", "handswitch_stuck", "handswitch_mismatch", "door_open", "estop_press",
                "link_cut", "serial_noise", "serial_flood", "firmware_hang", "brown_out", "power_loss");
    }
}
