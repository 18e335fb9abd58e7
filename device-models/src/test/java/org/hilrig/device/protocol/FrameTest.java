package org.hilrig.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameTest {
    @Test
    void everyProtocolExampleIsEncodedExactly() {
        assertThat(Frame.command(0x01, "VER").encode()).isEqualTo(Recorder.wire("01,VER,683C"));
        assertThat(Frame.command(0x2A, "SKV", "80.0").encode()).isEqualTo(Recorder.wire("2A,SKV,80.0,B2DF"));
        assertThat(Frame.ack(0x01, "VER", KeyValues.of("board", "GEN", "fw", "1.0.0", "proto", "1", "sn", "GEN-0001"))
                .encode()).isEqualTo(Recorder.wire("01,ACK,VER,board=GEN,fw=1.0.0,proto=1,sn=GEN-0001,69F0"));
        assertThat(Frame.event(0x07, "XOFF", KeyValues.of("ms", "100.0", "mas", "25.00", "end", "TIMER")).encode())
                .isEqualTo(Recorder.wire("07,EVT,XOFF,ms=100.0,mas=25.00,end=TIMER,767B"));
    }

    @Test
    void repliesAndEventsExposeTheirSubjectAndKeyValues() {
        Frame ack = Frame.ack(1, "VER", KeyValues.of("board", "GEN", "proto", "1"));
        assertThat(ack.kind()).isEqualTo(FrameKind.ACK);
        assertThat(ack.subject()).isEqualTo("VER");
        assertThat(ack.values().text("board")).isEqualTo("GEN");
        assertThat(ack.values().integer("proto")).isEqualTo(1);

        Frame evt = Frame.event(7, "XOFF", KeyValues.of("mas", "25.00"));
        assertThat(evt.kind()).isEqualTo(FrameKind.EVENT);
        assertThat(evt.subject()).isEqualTo("XOFF");
        assertThat(evt.values().decimal("mas")).isEqualTo(25.0);

        Frame cmd = Frame.command(0x2A, "SKV", "80.0");
        assertThat(cmd.kind()).isEqualTo(FrameKind.COMMAND);
        assertThat(cmd.subject()).isEqualTo("SKV");
        assertThat(cmd.arguments()).containsExactly("80.0");
    }

    @Test
    void aNakCarriesItsCode() {
        Frame nak = Frame.nak(3, "SKV", NakCode.WRONG_STATE);
        assertThat(nak.text()).startsWith("03,NAK,SKV,04,");
        assertThat(nak.kind()).isEqualTo(FrameKind.NAK);
        assertThat(NakCode.fromCode(nak.nakCodeText())).contains(NakCode.WRONG_STATE);
        assertThat(NakCode.fromCode("0A")).isEmpty();
    }

    @Test
    void aFrameOfExactly128BytesIsAllowedAnd129IsNot() {
        // 13 bytes of overhead plus ",field": one field of 114 characters makes 128
        assertThat(Frame.command(0, "ABC", "x".repeat(114)).encode()).hasSize(128);
        assertThatThrownBy(() -> Frame.command(0, "ABC", "x".repeat(115)))
                .hasMessage("frame ABC would be 129 bytes long (allowed: at most 128, STX and ETX included)");
    }

    @Test
    void badValuesAreRefusedWithWhatWasFoundAndWhatIsAllowed() {
        assertThatThrownBy(() -> Frame.command(256, "VER"))
                .hasMessage("seq 256 is out of range (allowed: 0..255)");
        assertThatThrownBy(() -> Frame.command(1, "Ver"))
                .hasMessage("name 'Ver' is not 3 uppercase letters");
        assertThatThrownBy(() -> Frame.command(1, "SKV", "80 0"))
                .hasMessage("field 1 '80 0' has character 0x20 (allowed: printable ASCII 0x21..0x7E except ',')");
        assertThatThrownBy(() -> Frame.command(1, "SKV", "8,0"))
                .hasMessageContaining("has character 0x2C");
        assertThatThrownBy(() -> Frame.command(1, "SKV", ""))
                .hasMessageStartingWith("field 1 is empty");
        assertThatThrownBy(() -> new Frame(1, "ACK", List.of()))
                .hasMessage("ACK without the command it answers (allowed: seq,ACK,CMD,...)");
        assertThatThrownBy(() -> new Frame(1, "NAK", List.of("SKV")))
                .hasMessage("NAK with 0 fields after the command (allowed: exactly 1, the code)");
        assertThatThrownBy(() -> new Frame(1, "EVT", List.of()))
                .hasMessage("EVT without an event name (allowed: ee,EVT,NAME,...)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "=x", "k="})
    void keyValueFieldsMustHaveAKeyAndAValue(String field) {
        assertThatThrownBy(() -> new Frame(1, "ACK", List.of("STA", field)).values())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingOrMistypedValueNamesTheKey() {
        KeyValues kv = KeyValues.of("kv", "8O.0", "on", "2");
        assertThatThrownBy(() -> kv.decimal("kv")).hasMessageStartingWith("field 'kv': '8O.0' is not a number");
        assertThatThrownBy(() -> kv.bool("on")).hasMessage("field 'on': '2' is not a boolean (allowed: 0 or 1)");
        assertThatThrownBy(() -> kv.text("ma")).hasMessage("no field 'ma' (found [kv, on])");
        assertThatThrownBy(() -> kv.and("kv", "1")).hasMessage("key 'kv' appears twice");
    }
}
