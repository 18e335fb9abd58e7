package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hilrig.device.profile.Board;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The warm-up really goes through the exchange path: every valid command of it is answered, on virtual time. */
class HotPathWarmupTest {
    private static final Path BOARDS = Path.of("..", "fixtures", "boards");

    private static Machine board(Board b) {
        return Machine.builder().genProfile(BoardProfileLoader.load(BOARDS.resolve("gen-reference.yaml")))
                .tubProfile(BoardProfileLoader.load(BOARDS.resolve("tub-reference.yaml"))).boardUnderTest(b).seed(42).build();
    }

    @ParameterizedTest
    @EnumSource(Board.class)
    void everyCommandOfTheWarmUpIsAnsweredButTheOnesWithACorruptedCrc(Board b) {
        Machine scratch = board(b);

        int replies = HotPathWarmup.run(scratch, 320);

        assertThat(replies).as("320 commands, one in 16 corrupted").isEqualTo(320 - 20);
        assertThat(scratch.scheduler().nowNanos()).as("virtual time: boot, then 10 ms an exchange").isEqualTo(500_000_000L + 320 * 10_000_000L);
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> HotPathWarmup.run(board(Board.GEN), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm-up of -1 exchanges is negative");
    }
}
