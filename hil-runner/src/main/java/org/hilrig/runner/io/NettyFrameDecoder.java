package org.hilrig.runner.io;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.Decoded;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.timing.Clock;

/**
 * A Netty inbound handler around the protocol's {@link FrameDecoder}, for servers and tools that speak
 * the board protocol over TCP: bytes in, {@link Decoded} messages out ({@link ReceivedFrame} for valid
 * frames, {@link DiscardedInput} for everything the receiver rules threw away), in arrival order.
 *
 * <pre>
 *   socket --ByteBuf--&gt; NettyFrameDecoder --ReceivedFrame | DiscardedInput--&gt; your handler
 * </pre>
 *
 * <p>All bytes of one read are stamped with the clock's time when the read reached this handler. The
 * decoder consumes every readable byte; an incomplete frame stays inside the {@link FrameDecoder}, not
 * in the cumulation buffer. One instance per channel (it holds the channel's decoding state).
 */
public final class NettyFrameDecoder extends ByteToMessageDecoder {
    private final Clock clock;
    private final FrameDecoder decoder;
    private List<Object> out;

    public NettyFrameDecoder(Clock clock) {
        this.clock = clock;
        this.decoder = new FrameDecoder(new DecodeListener() {
            @Override
            public void frame(ReceivedFrame frame) {
                out.add(frame);
            }

            @Override
            public void discarded(DiscardedInput discarded) {
                out.add(discarded);
            }
        });
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        long timeNanos = clock.nowNanos();
        this.out = out;
        try {
            while (in.isReadable()) {
                decoder.accept(in.readByte(), timeNanos);
            }
        } finally {
            this.out = null;
        }
    }

    /** Frames with a wrong CRC seen on this channel so far. */
    public long crcErrorCount() {
        return decoder.crcErrorCount();
    }
}
