package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.device.sim.Rig.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hilrig.device.board.Boards;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.device.protocol.BoardProtocol;
import org.hilrig.device.protocol.Command;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each board's firmware against its {@link BoardProtocol}, on a simulated machine: every command of version
 * 1 is either spoken (answered, perhaps refused, never {@code NAK 02}) or answered {@code NAK 02}, as the
 * board's {@code PROTOCOL} says; and the commands every board shares answer alike, byte for byte.
 */
class FirmwareProtocolTest {
    private static Rig booted(Board board) {
        Rig r = new Rig(Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub())
                .boardUnderTest(board).seed(7).build());
        r.run(60 * MS);
        return r;
    }

    private static BoardProtocol protocolOf(Board board) {
        return Boards.of(board).protocol();
    }

    static Stream<Arguments> everyCommandOnEveryBoard() {
        List<Arguments> all = new ArrayList<>();
        for (Board b : Board.values()) {
            for (Command c : Command.values()) {
                all.add(Arguments.of(b, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCommandOnEveryBoard")
    void aCommandIsAnsweredNak02ExactlyWhenTheBoardDoesNotSpeakIt(Board board, Command command) {
        Rig r = booted(board);
        Frame reply = r.command(command.name());
        assertThat(reply).as("a reply to %s", command).isNotNull();
        boolean nak02 = reply.kind() == FrameKind.NAK && reply.nakCodeText().equals("02");
        assertThat(nak02).as("%s %s: %s", board, command, reply.text()).isEqualTo(!protocolOf(board).speaks(command));
        assertThat(reply.seq()).isZero();
        assertThat(reply.subject()).isEqualTo(command.name());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Board.class)
    void aNameThatIsNoCommandIsAnsweredNak02(Board board) {
        assertThat(booted(board).command("XYZ").text()).startsWith("00,NAK,XYZ,02,");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Command.class, names = {"VER", "HBT", "FLT", "LNK"})
    void aCommonCommandRefusesAnArgumentWithNak01OnBothBoardsAlike(Command command) {
        Frame gen = booted(Board.GEN).command(command.name(), "1");
        Frame tub = booted(Board.TUB).command(command.name(), "1");
        assertThat(gen.text()).startsWith("00,NAK," + command.name() + ",01,");
        assertThat(tub.text()).isEqualTo(gen.text());
    }

    @ParameterizedTest(name = "WDG {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "1.5", "x", "100,200"})
    void wdgRefusesAnythingButOneWholeNumberWithNak01OnBothBoardsAlike(String args) {
        String[] a = args.isEmpty() ? new String[0] : args.split(",");
        Frame gen = booted(Board.GEN).command("WDG", a);
        Frame tub = booted(Board.TUB).command("WDG", a);
        assertThat(gen.text()).startsWith("00,NAK,WDG,01,");
        assertThat(tub.text()).isEqualTo(gen.text());
    }

    @ParameterizedTest(name = "WDG {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "100", "10000", "99", "10001"})
    void wdgAnswersAWholeNumberAlikeOnBothBoards(String ms) {
        Frame gen = booted(Board.GEN).command("WDG", ms);
        Frame tub = booted(Board.TUB).command("WDG", ms);
        boolean inRange = ms.equals("0") || ms.equals("100") || ms.equals("10000");
        assertThat(gen.text()).startsWith(inRange ? "00,ACK,WDG,wdg=" + ms + "," : "00,NAK,WDG,03,");
        assertThat(tub.text()).isEqualTo(gen.text());
    }
}
