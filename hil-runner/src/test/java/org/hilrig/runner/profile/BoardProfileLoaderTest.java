package org.hilrig.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;

class BoardProfileLoaderTest {
    private static final Path GEN = Path.of("..", "fixtures", "boards", "gen-reference.yaml");
    private static final Path TUB = Path.of("..", "fixtures", "boards", "tub-reference.yaml");

    @Test
    void theReferenceProfilesLoadWithTheDomainDefaults() {
        BoardProfile gen = BoardProfileLoader.load(GEN);
        assertThat(gen.board()).isEqualTo(Board.GEN);
        assertThat(gen.nanos(ProfileKey.ROTOR_TIMEOUT)).isEqualTo(2_000_000_000L);
        assertThat(gen.nanos(ProfileKey.TICK)).isEqualTo(1_000_000L);
        assertThat(gen.number(ProfileKey.POWER_MAX_KW)).isEqualTo(80.0);
        assertThat(gen.integer(ProfileKey.ARC_LIMIT)).isEqualTo(4);
        BoardProfile tub = BoardProfileLoader.load(TUB);
        assertThat(tub.number(ProfileKey.RPM_HIGH)).isEqualTo(9000.0);
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() throws Exception {
        String text = Files.readString(GEN)
                .replace("tick: 1ms", "tick: 1xs")
                .replace("arc_limit: 4", "arc_limit: 4.5")
                .replace("  baud: 115200\n", "  baud: 115200\n  parity: even\n");
        assertThatThrownBy(() -> BoardProfileLoader.parse("gen.yaml", text))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    var problems = ((BadInputException) e).problems();
                    assertThat(problems).hasSize(3);
                    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("gen.yaml:8:9: mcu.tick: '1xs' is not a duration"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).matches("gen\\.yaml:\\d+:\\d+: unknown profile key 'uart.parity'"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("exposure.arc_limit: '4.5' is not a whole number"));
                });
    }

    @Test
    void aMissingKeyAndAWrongBoardAreNamed() {
        assertThatThrownBy(() -> BoardProfileLoader.parse("x.yaml", "board: XRAY\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("x.yaml:1:8: board 'XRAY' (allowed: GEN, TUB)");
        assertThatThrownBy(() -> BoardProfileLoader.parse("t.yaml", "board: TUB\nmcu:\n  tick: 1ms\n"))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problems())
                        .anySatisfy(p -> assertThat(p).isEqualTo("t.yaml:1:1: missing key 'rotor.high_rpm'")));
    }

    @Test
    void brokenYamlIsOneLocatedLine() {
        assertThatThrownBy(() -> BoardProfileLoader.parse("b.yaml", "board: GEN\nmcu: [1,\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("b.yaml:3:1: not valid YAML");
    }
}
