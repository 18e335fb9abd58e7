package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.junit.jupiter.api.Test;

class HostSessionTest {
    private static final Position AT = new Position("t.yaml", 3, 5);

    private final HostSession host = new HostSession();

    private static Step.Send send(boolean again, Step.Corruption corruption) {
        return new Step.Send(AT, again ? null : "SKV", again ? List.of() : List.of("80"), null, again, corruption, 1,
                new Step.Reply(Step.Reply.Kind.ACK, null), Map.of(), null, null);
    }

    @Test
    void numbersFramesFromOneAndWrapsAfterFf() {
        assertThat(host.frameFor(Step.Send.ack(AT, "VER")).seq()).isEqualTo(1);
        for (int i = 2; i <= 0xFF; i++) {
            host.frameFor(Step.Send.ack(AT, "HBT"));
        }

        HostSession.SentFrame wrapped = host.frameFor(Step.Send.ack(AT, "HBT"));

        assertThat(wrapped.seq()).isZero();
        assertThat(wrapped.bytes()).isEqualTo(Frame.command(0, "HBT").encode());
    }

    @Test
    void againRepeatsTheLastFrameByteForByteWithItsSequenceNumber() {
        HostSession.SentFrame first = host.frameFor(send(false, Step.Corruption.NONE));

        HostSession.SentFrame again = host.frameFor(send(true, Step.Corruption.NONE));

        assertThat(again.seq()).isEqualTo(1);
        assertThat(again.name()).isEqualTo("SKV");
        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(again.text()).isEqualTo(Frame.command(1, "SKV", "80").text());
        assertThat(host.frameFor(Step.Send.ack(AT, "VER")).seq()).isEqualTo(2);
    }

    @Test
    void againBeforeAnyFrameIsRefused() {
        assertThatThrownBy(() -> host.frameFor(send(true, Step.Corruption.NONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'send: {again: true}' before any frame was sent");
    }

    @Test
    void breaksTheCrcOrCutsTheFrameShortAsAsked() {
        byte[] good = Frame.command(1, "SKV", "80").encode();

        byte[] crc = host.frameFor(send(false, Step.Corruption.CRC)).bytes();
        byte[] cut = host.frameFor(send(false, Step.Corruption.TRUNCATED)).bytes();

        assertThat(crc).hasSameSizeAs(good).isNotEqualTo(good);
        assertThat(crc[crc.length - 2]).isNotEqualTo(good[good.length - 2]);
        assertThat(cut).isEqualTo(Arrays.copyOf(Frame.command(2, "SKV", "80").encode(), good.length - 3));
    }

    @Test
    void remembersTheLastReply() {
        assertThat(host.lastReply()).isNull();
        Frame reply = Frame.ack(1, "VER", KeyValues.empty());

        host.replied(reply);

        assertThat(host.lastReply()).isEqualTo(reply);
    }
}
