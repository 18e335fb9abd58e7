package org.hilrig.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hilrig.device.firmware.GeneratorFirmware;
import org.hilrig.device.firmware.TubeFirmware;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against the contract: the lists below are copied from {@code protocol.md} sections 4 and 5
 * (and {@code LNK}, both boards, and {@code AEC}, the generator's, from docs/protocol-additions.md), in their tables' order.
 */
class ProtocolCatalogueTest {
    private static final List<String> GEN_COMMANDS = List.of("VER", "STA", "MOD", "SKV", "SMA", "SMS", "PRP", "EXP",
            "ABT", "RST", "WDG", "HBT", "FLT", "HEA", "LXP");
    private static final List<String> TUB_COMMANDS = List.of("VER", "STA", "SRS", "RST", "WDG", "HBT", "FLT");
    private static final List<String> ADDITIONS = List.of("LNK");
    private static final List<String> GEN_ADDITIONS = List.of("AEC");
    private static final List<String> GEN_EVENTS = List.of("BOOT", "STATE", "XON", "XOFF", "ARC", "FAULT", "CLEAR");
    private static final List<String> TUB_EVENTS = List.of("BOOT", "STATE", "FAULT", "CLEAR");

    @Test
    void commandsAreExactlyBothBoardsTablesAndTheAdditions() {
        assertThat(Arrays.stream(Command.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(union(GEN_COMMANDS, TUB_COMMANDS, union(ADDITIONS, GEN_ADDITIONS, List.of())));
    }

    @Test
    void eventsAreExactlyBothBoardsTables() {
        assertThat(Arrays.stream(Event.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(union(GEN_EVENTS, TUB_EVENTS, List.of()));
    }

    @Test
    void theGeneratorSpeaksSection4LnkAndAec() {
        assertThat(GeneratorFirmware.PROTOCOL.commandNames())
                .containsExactlyInAnyOrderElementsOf(union(GEN_COMMANDS, GEN_ADDITIONS, ADDITIONS));
        assertThat(GeneratorFirmware.PROTOCOL.eventNames()).containsExactlyInAnyOrderElementsOf(GEN_EVENTS);
    }

    @Test
    void theTubeControllerSpeaksSection5AndLnk() {
        assertThat(TubeFirmware.PROTOCOL.commandNames())
                .containsExactlyInAnyOrderElementsOf(union(TUB_COMMANDS, List.of(), ADDITIONS));
        assertThat(TubeFirmware.PROTOCOL.eventNames()).containsExactlyInAnyOrderElementsOf(TUB_EVENTS);
    }

    @Test
    void byNameFindsOnlyExactWireNames() {
        assertThat(Command.byName("SKV")).contains(Command.SKV);
        assertThat(Command.byName("skv")).isEmpty();
        assertThat(Command.byName("ACK")).isEmpty();
        assertThat(Command.byName("XYZ")).isEmpty();
        assertThat(Event.byName("XOFF")).contains(Event.XOFF);
        assertThat(Event.byName("xoff")).isEmpty();
        assertThat(Event.byName("EVT")).isEmpty();
    }

    @Test
    void aBoardProtocolIsAnImmutableCopyInDeclarationOrder() {
        java.util.Set<Command> commands = new java.util.HashSet<>(List.of(Command.LNK, Command.VER));
        BoardProtocol p = new BoardProtocol(commands, java.util.Set.of());
        commands.add(Command.STA);
        assertThat(p.commands()).containsExactly(Command.VER, Command.LNK);
        assertThat(p.commandNames()).containsExactly("VER", "LNK");
        assertThat(p.speaks(Command.STA)).isFalse();
        assertThat(p.sends(Event.BOOT)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.commands().add(Command.STA))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<String> union(List<String> a, List<String> b, List<String> c) {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>(a);
        s.addAll(b);
        s.addAll(c);
        return List.copyOf(s);
    }
}
