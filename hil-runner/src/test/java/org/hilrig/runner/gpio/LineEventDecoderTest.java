package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineEventDecoderTest {
    private final List<KernelLineEvent> decoded = new ArrayList<>();
    private final LineEventDecoder decoder = new LineEventDecoder(ByteOrder.LITTLE_ENDIAN);

    @Test
    void oneRecordDecodesEveryField() {
        byte[] b = new KernelEventBytes().rising(1_234_567_890_123L, 17, 5, 3).bytes();

        decoder.feed(b, b.length, decoded::add);

        assertThat(b).hasSize(48);
        assertThat(decoded).containsExactly(new KernelLineEvent(1_234_567_890_123L, true, 17, 5, 3));
    }

    @Test
    void severalRecordsInOneReadComeOutInOrderWithBothEdges() {
        byte[] b = new KernelEventBytes()
                .rising(100, 5, 1, 1).falling(200, 6, 2, 1).falling(300, 5, 3, 2).bytes();

        decoder.feed(b, b.length, decoded::add);

        assertThat(decoded).containsExactly(
                new KernelLineEvent(100, true, 5, 1, 1),
                new KernelLineEvent(200, false, 6, 2, 1),
                new KernelLineEvent(300, false, 5, 3, 2));
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Test
    void aStreamSplitAtEveryByteBoundaryDecodesTheSame() {
        byte[] b = new KernelEventBytes().rising(100, 5, 1, 1).falling(200, 6, 2, 1).rising(300, 13, 3, 1).bytes();
        List<KernelLineEvent> whole = new ArrayList<>();
        new LineEventDecoder(ByteOrder.LITTLE_ENDIAN).feed(b, b.length, whole::add);

        for (int cut = 0; cut <= b.length; cut++) {
            List<KernelLineEvent> split = new ArrayList<>();
            LineEventDecoder d = new LineEventDecoder(ByteOrder.LITTLE_ENDIAN);
            d.feed(Arrays.copyOfRange(b, 0, cut), cut, split::add);
            assertThat(split).as("after %d bytes", cut).hasSize(cut / 48);
            assertThat(d.pendingBytes()).isEqualTo(cut % 48);
            byte[] rest = Arrays.copyOfRange(b, cut, b.length);
            d.feed(rest, rest.length, split::add);
            assertThat(split).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void aByteAtATimeDecodesTheSame() {
        byte[] b = new KernelEventBytes().rising(100, 5, 1, 1).falling(200, 5, 2, 2).bytes();

        for (byte x : b) {
            decoder.feed(new byte[] {x}, 1, decoded::add);
        }

        assertThat(decoded).containsExactly(new KernelLineEvent(100, true, 5, 1, 1), new KernelLineEvent(200, false, 5, 2, 2));
    }

    @Test
    void onlyTheGivenLengthOfTheReadBufferIsDecoded() {
        byte[] buffer = new byte[4 * 48];
        byte[] b = new KernelEventBytes().rising(100, 5, 1, 1).bytes();
        System.arraycopy(b, 0, buffer, 0, b.length);

        decoder.feed(buffer, 48, decoded::add);

        assertThat(decoded).hasSize(1);
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Test
    void sequenceNumbersAreUnsigned32Bit() {
        byte[] b = new KernelEventBytes().rising(100, 5, 0xFFFF_FFFFL, 0x8000_0000L).bytes();

        decoder.feed(b, b.length, decoded::add);

        assertThat(decoded.get(0).seqno()).isEqualTo(4_294_967_295L);
        assertThat(decoded.get(0).lineSeqno()).isEqualTo(2_147_483_648L);
    }

    @Test
    void anUnknownEventIdMeansTheStreamIsOutOfStep() {
        byte[] b = new KernelEventBytes().event(100, 7, 5, 1, 1).bytes();

        assertThatThrownBy(() -> decoder.feed(b, b.length, decoded::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GPIO line event with id 7 (allowed: 1 rising, 2 falling); the event stream is out of step");
    }
}
