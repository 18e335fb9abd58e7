package org.hilrig.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.scenario.Technique;
import org.hilrig.runner.scenario.Vocabulary;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryTest {
    private final Library library = Library.open(Path.of(".."));

    @Test
    void theVocabularyIsTheBoardsLinesTheProtocolsAndTheRequirementList() {
        Vocabulary v = library.vocabulary();

        // every board input some rig may drive (a Pi fixture may wire DOOR_CLOSED as an output); what the chosen
        // rig drives is checked after loading (RigCapabilitiesTest)
        assertThat(v.inputs()).containsExactly("AEC_STOP", "DOOR_CLOSED", "ESTOP_OK", "EXP_REQ_A", "EXP_REQ_B",
                "PREP_REQ", "ROTOR_READY", "ROTOR_START", "THERMAL_OK");
        assertThat(v.outputs()).containsExactly("ALIVE", "FAULT", "HV_ENABLE", "READY", "TUB_FAULT", "XRAY_ON");
        assertThat(v.nakCodes()).containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09");
        assertThat(v.commands()).contains("VER", "SKV", "SRS", "LNK", "AEC").hasSize(18); // LNK, AEC: docs/protocol-additions.md
        assertThat(v.requirements()).contains("REQ-ILK-001", "REQ-COM-003");
        assertThat(v.profileLimits()).contains("prep.rotor_timeout", "backup_time", "aec_backup_time", "mcu.watchdog_timeout");
    }

    @Test
    void profileLimitsComeFromTheBoardProfiles() {
        var limits = library.limits();

        assertThat(limits.window("prep.rotor_timeout", Board.GEN, null).maxNanos()).isEqualTo(2_000_000_000L);
        assertThat(limits.window("rotor.accel_timeout", Board.GEN, null).maxNanos()).isEqualTo(2_000_000_000L);
        var backup = limits.window("backup_time", Board.GEN, new Technique(80, 100, 200));
        assertThat(backup.minNanos()).isEqualTo(200_000_000L);
        assertThat(backup.maxNanos()).isEqualTo(221_000_000L);
    }

    @Test
    void theWholeLibraryLoads() {
        assertThat(library.load(java.util.List.of())).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aFolderWithoutTheRequirementListIsNotARigHome(@TempDir Path dir) {
        assertThatThrownBy(() -> Library.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("requirements.yaml: no requirement list here");
    }

    @Test
    void aBrokenRequirementListIsReportedWithItsPlaces(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("test-scenarios"));
        Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(dir.resolve("test-scenarios/requirements.yaml"), """
                requirements:
                  - id: REQ-ILK-001
                    text: one
                  - id: REQ-ILK-001
                    txt: two
                """);
        assertThatThrownBy(() -> Library.open(dir)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).anyMatch(p -> p.endsWith("requirements.yaml:5:5: unknown key 'txt' in requirement (allowed: id, text, standard)"))
                        .anyMatch(p -> p.endsWith("requirements.yaml:4:5: duplicate requirement id 'REQ-ILK-001'"))
                        .anyMatch(p -> p.endsWith("gen-reference.yaml: no board profile here (the simulated rig needs gen-reference.yaml and tub-reference.yaml in fixtures/boards)")));
    }
}
