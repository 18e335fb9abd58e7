package org.hilrig.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.runner.scenario.ProfileLimits;
import org.hilrig.runner.scenario.Technique;
import org.hilrig.runner.scenario.Window;
import org.junit.jupiter.api.Test;

class BoardLimitsTest {
    private static final BoardProfile GEN = BoardProfileLoader.load(Path.of("..", "fixtures", "boards", "gen-reference.yaml"));
    private static final BoardProfile TUB = BoardProfileLoader.load(Path.of("..", "fixtures", "boards", "tub-reference.yaml"));
    private final BoardLimits limits = new BoardLimits(List.of(GEN, TUB));

    @Test
    void everyDurationOfTheProfilesAndTheDerivedWindowsCanBeNamed() {
        assertThat(limits.names()).contains("limits.interlock_to_hv_off", "limits.aec_to_hv_off", "limits.serial_reply",
                "prep.rotor_timeout", "backup_time", "exposure_window", "rotor_timeout_window")
                .doesNotContain("limits.exposure_time_fraction", "technique.power_max_kw");
    }

    @Test
    void theExposureWindowIsTheSetTimePlusOrMinusOnePercentAndTwoTenthsOfAMillisecond() {
        assertThat(limits.window("exposure_window", Board.GEN, new Technique(80, 250, 100)))
                .isEqualTo(new Window(98_800_000L, 101_200_000L));
        assertThat(limits.window("exposure_window", Board.GEN, new Technique(40, 10, 1)))
                .isEqualTo(new Window(790_000L, 1_210_000L));
        assertThatThrownBy(() -> limits.window("exposure_window", Board.GEN, null))
                .hasMessage("profile.exposure_window needs the scenario's technique");
    }

    @Test
    void theAecBackupTimeIsTheLesserOfSixHundredMasAndSixtyKwsWithTheExposureTimeAccuracy() {
        // 600 mAs / 250 mA = 2.4 s (60 kWs / 20 kW = 3 s); +-(1 % + 0.2 ms) = 24.2 ms; the set time plays no part
        assertThat(limits.window("aec_backup_time", Board.GEN, new Technique(80, 250, 100)))
                .isEqualTo(new Window(2_375_800_000L, 2_424_200_000L));
        // 150 kV x 500 mA = 75 kW: 60 kWs / 75 kW = 0.8 s (600 mAs / 500 mA = 1.2 s); +- 8.2 ms
        assertThat(limits.window("aec_backup_time", Board.GEN, new Technique(150, 500, 3000)))
                .isEqualTo(new Window(791_800_000L, 808_200_000L));
        assertThat(limits.names()).contains("aec_backup_time");
    }

    @Test
    void theDerivedWindowsFollowTheProfileNotACopyOfItsNumbers() {
        BoardProfile looser = GEN.with(GeneratorKeys.LIMIT_EXPOSURE_TIME_FRACTION, "0.05")
                .with(GeneratorKeys.LIMIT_EXPOSURE_TIME_OFFSET, "1ms")
                .with(GeneratorKeys.ROTOR_TIMEOUT, "3s")
                .with(GeneratorKeys.LIMIT_ROTOR_TIMEOUT_TOLERANCE, "50ms");
        ProfileLimits l = new BoardLimits(List.of(looser, TUB));

        assertThat(l.window("exposure_window", Board.GEN, new Technique(80, 250, 100)))
                .isEqualTo(new Window(94_000_000L, 106_000_000L));
        assertThat(l.window("rotor_timeout_window", Board.GEN, null)).isEqualTo(new Window(2_950_000_000L, 3_050_000_000L));
        assertThat(limits.window("rotor_timeout_window", Board.GEN, null)).isEqualTo(new Window(1_990_000_000L, 2_010_000_000L));
    }

    @Test
    void aLimitBothBoardsHoldIsTakenFromTheBoardUnderTest() {
        ProfileLimits l = new BoardLimits(List.of(GEN, TUB.with(CommonKeys.LIMIT_SERIAL_REPLY, "8ms")));

        assertThat(l.window(ProfileLimits.SERIAL_REPLY, Board.GEN, null)).isEqualTo(Window.upTo(5_000_000L));
        assertThat(l.window(ProfileLimits.SERIAL_REPLY, Board.TUB, null)).isEqualTo(Window.upTo(8_000_000L));
        assertThat(l.window("limits.interlock_to_hv_off", Board.TUB, null)).isEqualTo(Window.upTo(1_000_000L));
    }

    @Test
    void aTubeAloneHasItsOwnLimitsAndNoGeneratorWindow() {
        ProfileLimits l = new BoardLimits(List.of(TUB.with(CommonKeys.LIMIT_SERIAL_REPLY, "8ms")));

        assertThat(l.window(ProfileLimits.SERIAL_REPLY, Board.TUB, null)).isEqualTo(Window.upTo(8_000_000L));
        assertThatThrownBy(() -> l.window("rotor_timeout_window", Board.TUB, null))
                .hasMessage("no board profile holds 'profile.prep.rotor_timeout' (profiles: [TUB])");
    }

    @Test
    void twoProfilesOfOneBoardOrNoneAreRefused() {
        assertThatThrownBy(() -> new BoardLimits(List.of(GEN, GEN))).hasMessage("two profiles of board GEN");
        assertThatThrownBy(() -> new BoardLimits(List.of())).hasMessage("no board profile");
    }
}
