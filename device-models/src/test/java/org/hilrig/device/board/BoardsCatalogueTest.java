package org.hilrig.device.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hilrig.device.firmware.CommonDefects;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.GeneratorDefects;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.device.profile.TubeKeys;
import org.junit.jupiter.api.Test;

/**
 * The catalogues made of what each board defines: every board's profile keys and defects, each once,
 * looked up by path and by name; a board holds the common ones its shared parts need.
 */
class BoardsCatalogueTest {
    @Test
    void everyBoardsSchemaHoldsTheCommonKeysAndItsOwnAndNoOtherBoardsKeys() {
        List<ProfileKey> gen = Boards.of(org.hilrig.device.profile.Board.GEN).profileSchema().keys();
        List<ProfileKey> tub = Boards.of(org.hilrig.device.profile.Board.TUB).profileSchema().keys();
        assertThat(gen).contains(CommonKeys.SERIAL_NUMBER, CommonKeys.LIMIT_SCENARIO, GeneratorKeys.KV_MAX)
                .doesNotContain(TubeKeys.RPM_HIGH);
        assertThat(tub).contains(CommonKeys.SERIAL_NUMBER, CommonKeys.LIMIT_SCENARIO, TubeKeys.RPM_HIGH)
                .doesNotContain(GeneratorKeys.KV_MAX);
        assertThat(gen).containsAll(CommonKeys.ALL).hasSize(87);
        assertThat(tub).containsAll(CommonKeys.ALL);
        assertThat(tub).hasSize(35);
    }

    @Test
    void theKeyCatalogueListsEachPathOnceAndFindsItByPath() {
        List<ProfileKey> all = Boards.profileKeys();
        Set<String> paths = new HashSet<>();
        all.forEach(k -> assertThat(paths.add(k.path())).as(k.path()).isTrue());
        assertThat(all).hasSize(105);
        assertThat(Boards.profileKey("rotor.high_rpm")).isSameAs(TubeKeys.RPM_HIGH);
        assertThat(Boards.profileKey("mcu.tick")).isSameAs(CommonKeys.TICK);
        assertThat(Boards.profileKey("mcu.nothing")).isNull();
        assertThat(all.get(0)).isSameAs(CommonKeys.FIRMWARE_VERSION);
    }

    @Test
    void theDefectCatalogueListsEachOnceInTheGeneratorsOrderAndIgnoresCaseByName() {
        List<Defect> all = Boards.defects();
        assertThat(all).hasSize(24).doesNotHaveDuplicates();
        assertThat(all).isEqualTo(GeneratorDefects.ALL);
        assertThat(Boards.of(org.hilrig.device.profile.Board.TUB).defects()).isEqualTo(CommonDefects.ALL);
        assertThat(Boards.defect(" slow_interlock ")).isSameAs(GeneratorDefects.SLOW_INTERLOCK);
        assertThat(Boards.defect("CRC_NOT_CHECKED")).isSameAs(CommonDefects.CRC_NOT_CHECKED);
        assertThat(Boards.defect("NO_SUCH_DEFECT")).isNull();
        assertThat(Boards.defect(null)).isNull();
    }

    @Test
    void aDefectOrKeyOfAMalformedNameIsRefusedWhereItIsDeclared() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Defect("slow", "x"))
                .hasMessageContaining("upper case");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfileKey.of("X", "nosection", ProfileKey.Kind.NUMBER,
                0, 1)).hasMessageContaining("section.name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfileKey.of("X", "a.b", ProfileKey.Kind.NUMBER, 2,
                1)).hasMessageContaining("above maximum");
    }

    @Test
    void aNewBoardsSchemaListsTheCommonKeysFirstAndOrdersTheHostWatchdog() {
        ProfileKey own = ProfileKey.of("READOUT", "detector.readout", ProfileKey.Kind.DURATION, 0, 1e9);
        org.hilrig.device.profile.ProfileSchema s = org.hilrig.device.profile.ProfileSchema.withCommon(
                org.hilrig.device.profile.Board.TUB, List.of(own), List.of());
        assertThat(s.keys()).startsWith(CommonKeys.ALL.toArray(ProfileKey[]::new)).endsWith(own);
        assertThat(s.ordered()).containsExactly(CommonKeys.HOST_WDG_MIN, CommonKeys.HOST_WDG_MAX);
        assertThat(s.key("detector.readout")).isSameAs(own);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.hilrig.device.profile.ProfileSchema.withCommon(
                org.hilrig.device.profile.Board.TUB, List.of(CommonKeys.TICK), List.of()))
                .hasMessageContaining("lists profile key mcu.tick twice");
    }
}
