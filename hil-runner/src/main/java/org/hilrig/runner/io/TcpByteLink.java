package org.hilrig.runner.io;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;

/**
 * A {@link ByteLink} over one TCP connection through Netty: raw bytes, no framing in the pipeline (one
 * connection is one cable). The connection's event loop is the reader thread: it stamps each read with
 * the clock and hands the bytes to the receiver. Each link owns a one-thread event loop group, shut down
 * on close or loss.
 *
 * <p>{@link #write} waits until Netty has handed the bytes to the socket. A write during which the socket
 * takes no byte for the endpoint's {@linkplain TcpEndpoint#writeTimeoutNanos() write timeout} (a peer that
 * stops reading fills the socket's buffers, and Netty holds the rest) closes the connection, loses the link
 * (reported once) and fails. It must not be called from the event loop (the receiver never writes).
 */
public final class TcpByteLink implements ByteLink {
    /** Deadlines of writes are on wall time, whatever clock stamps received bytes. */
    private static final Clock WALL = new MonotonicClock();
    private final TcpEndpoint endpoint;
    private final EventLoopGroup group;
    private final Channel channel;
    private final AtomicBoolean open;
    private final Object writeLock = new Object();
    private final Reader reader;

    private TcpByteLink(TcpEndpoint endpoint, EventLoopGroup group, Channel channel, Reader reader) {
        this.endpoint = endpoint;
        this.group = group;
        this.channel = channel;
        this.reader = reader;
        this.open = reader.open;
    }

    /**
     * Connects to {@code endpoint} and starts delivering received bytes to {@code receiver}.
     *
     * @throws RigFailureException if the connection is refused or times out
     */
    public static TcpByteLink connect(TcpEndpoint endpoint, Clock clock, ByteReceiver receiver) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Reader reader = new Reader(endpoint, clock, receiver, group);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(endpoint.connectTimeoutNanos())))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(reader);
                    }
                });
        ChannelFuture connected = bootstrap.connect(endpoint.host(), endpoint.port()).awaitUninterruptibly();
        if (!connected.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            Throwable cause = connected.cause();
            throw new RigFailureException(endpoint + ": cannot connect (" + (cause instanceof java.net.UnknownHostException
                    ? "unknown host " + endpoint.host() : cause.getMessage()) + ")", cause);
        }
        return new TcpByteLink(endpoint, group, connected.channel(), reader);
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }

    @Override
    public void write(byte[] bytes) {
        synchronized (writeLock) {
            if (!open.get()) {
                throw new RigFailureException(endpoint + ": cannot write, the link is "
                        + (reader.lostReason != null ? "lost (" + reader.lostReason + ")" : "closed"));
            }
            WriteProgress progress = WriteProgress.write(channel, bytes, endpoint.writeTimeoutNanos(), WALL);
            ChannelFuture written = progress.future();
            if (progress.stalled()) {
                String why = "the peer took " + progress.taken() + " of " + bytes.length
                        + " bytes, then none for " + Durations.format(endpoint.writeTimeoutNanos())
                        + " (write timeout): it stopped reading";
                reader.lose(why);
                channel.close();
                throw new RigFailureException(endpoint + ": link lost (" + why + ")");
            }
            if (!written.isSuccess()) {
                throw new RigFailureException(endpoint + ": write of " + bytes.length + " bytes failed ("
                        + written.cause().getMessage() + ")", written.cause());
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            channel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** The only handler: stamp, copy, hand over; report the end of the connection once. */
    private static final class Reader extends ChannelInboundHandlerAdapter {
        final AtomicBoolean open = new AtomicBoolean(true);
        volatile String lostReason;
        private final TcpEndpoint endpoint;
        private final Clock clock;
        private final ByteReceiver receiver;
        private final EventLoopGroup group;

        Reader(TcpEndpoint endpoint, Clock clock, ByteReceiver receiver, EventLoopGroup group) {
            this.endpoint = endpoint;
            this.clock = clock;
            this.receiver = receiver;
            this.group = group;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            receiver.readerStarted();
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long timeNanos = clock.nowNanos();
            ByteBuf buf = (ByteBuf) msg;
            try {
                if (open.get()) {
                    receiver.received(ByteBufUtil.getBytes(buf), timeNanos);
                }
            } finally {
                buf.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lose("connection closed by the peer");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lose(cause.toString());
            ctx.close();
        }

        private void lose(String reason) {
            if (open.compareAndSet(true, false)) {
                lostReason = reason;
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                receiver.lost(new RigFailureException(endpoint + ": link lost (" + reason + ")"));
            }
        }
    }
}
