package org.hilrig.runner.io;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.hilrig.device.protocol.Frame;

/** A Netty outbound handler writing each {@link Frame} as its protocol bytes (STX to ETX). Stateless. */
@Sharable
public final class NettyFrameEncoder extends MessageToByteEncoder<Frame> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        out.writeBytes(frame.encode());
    }
}
