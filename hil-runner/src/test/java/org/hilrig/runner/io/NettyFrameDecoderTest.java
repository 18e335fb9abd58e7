package org.hilrig.runner.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.device.protocol.Decoded;
import org.hilrig.device.protocol.DiscardReason;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ReceivedFrame;
import org.junit.jupiter.api.Test;

class NettyFrameDecoderTest {
    private static final List<Frame> EXAMPLES = List.of(
            Frame.command(0x01, "VER"),
            Frame.command(0x2A, "SKV", "80.0"),
            Frame.ack(0x01, "VER", KeyValues.of("board", "GEN", "fw", "1.0.0", "proto", "1", "sn", "GEN-0001")),
            Frame.event(0x07, "XOFF", KeyValues.of("ms", "100.0", "mas", "25.00", "end", "TIMER")));

    private final AtomicLong now = new AtomicLong();

    private static byte[] stream() {
        int n = EXAMPLES.stream().mapToInt(f -> f.encode().length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (Frame f : EXAMPLES) {
            byte[] b = f.encode();
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    private static List<Decoded> drain(EmbeddedChannel channel) {
        List<Decoded> out = new ArrayList<>();
        Object m;
        while ((m = channel.readInbound()) != null) {
            out.add((Decoded) m);
        }
        return out;
    }

    @Test
    void theProtocolExamplesSplitAtEveryByteBoundaryComeOutAsTheSameFrames() {
        byte[] stream = stream();
        for (int split = 0; split <= stream.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new NettyFrameDecoder(now::get));
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, 0, split)));
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, split, stream.length)));
            List<Decoded> out = drain(channel);
            assertThat(out).as("split at %d", split).allMatch(ReceivedFrame.class::isInstance);
            assertThat(out.stream().map(d -> ((ReceivedFrame) d).frame())).as("split at %d", split)
                    .containsExactlyElementsOf(EXAMPLES);
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void everyByteOnItsOwnStillDecodesAndIsStampedWithTheClockAtItsRead() {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyFrameDecoder(now::get));
        byte[] bytes = EXAMPLES.get(1).encode();
        for (int i = 0; i < bytes.length; i++) {
            now.set(1_000L * (i + 1));
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {bytes[i]}));
        }
        ReceivedFrame frame = channel.readInbound();
        assertThat(frame.frame()).isEqualTo(EXAMPLES.get(1));
        assertThat(frame.startNanos()).isEqualTo(1_000L);
        assertThat(frame.endNanos()).isEqualTo(1_000L * bytes.length);
        Object next = channel.readInbound();
        assertThat(next).isNull();
    }

    @Test
    void garbageOversizedAndCorruptFramesComeOutAsReasonedDiscardsAndConsumeTheBuffer() {
        NettyFrameDecoder decoder = new NettyFrameDecoder(now::get);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        byte[] oversized = new byte[140];
        Arrays.fill(oversized, (byte) 'x');
        oversized[0] = 0x02;
        ByteBuf in = Unpooled.buffer();
        in.writeBytes("??".getBytes(StandardCharsets.US_ASCII));
        in.writeBytes(oversized);
        in.writeBytes(new byte[] {0x02});
        in.writeBytes("01,VER,683D".getBytes(StandardCharsets.US_ASCII));
        in.writeBytes(new byte[] {0x03});
        in.writeBytes(EXAMPLES.get(0).encode());
        channel.writeInbound(in);
        List<Decoded> out = drain(channel);
        List<DiscardReason> reasons = out.stream().filter(DiscardedInput.class::isInstance)
                .map(d -> ((DiscardedInput) d).reason()).distinct().toList();
        assertThat(reasons).containsExactly(DiscardReason.OUTSIDE_FRAME, DiscardReason.OVERLONG, DiscardReason.CRC_ERROR);
        assertThat(out.get(out.size() - 1)).isInstanceOf(ReceivedFrame.class);
        assertThat(((ReceivedFrame) out.get(out.size() - 1)).frame()).isEqualTo(EXAMPLES.get(0));
        assertThat(decoder.crcErrorCount()).isEqualTo(1);
        assertThat(in.refCnt()).isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void theEncoderWritesAFrameAsItsProtocolBytes() {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyFrameEncoder());
        channel.writeOutbound(EXAMPLES.get(2));
        ByteBuf out = channel.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertThat(bytes).isEqualTo(EXAMPLES.get(2).encode());
    }
}
