package org.hilrig.runner.io;

import io.netty.bootstrap.ServerBootstrap;
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
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's end of a serial-over-TCP cable: a Netty server on a port that takes one connection at a
 * time (one connection is one cable; a second caller is turned away while the first is plugged in). Bytes
 * read from the connection go to the receiver on the server's event loop (stamp and hand over only);
 * {@link #write} sends to the current connection and drops the bytes while nobody is connected, as a UART
 * with nothing on the far end would. A connection that takes no byte of a write for {@link
 * TcpEndpoint#DEFAULT_WRITE_TIMEOUT_NANOS} (its peer stopped reading) is unplugged: closed, the bytes dropped,
 * the server free for the next caller; the write returns without waiting longer.
 *
 * <p>{@link #write} must not be called from the event loop. The owner closes the server.
 */
public final class TcpCableServer implements ByteLink {
    private static final Logger LOG = LoggerFactory.getLogger(TcpCableServer.class);
    /** Deadlines of writes are on wall time, whatever clock stamps received bytes. */
    private static final Clock WALL = new MonotonicClock();
    private final EventLoopGroup group;
    private final Channel server;
    private final int port;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile Channel client;

    private TcpCableServer(EventLoopGroup group, Channel server, int port) {
        this.group = group;
        this.server = server;
        this.port = port;
    }

    /**
     * Listens on {@code port} of the loopback and wildcard addresses (0 picks a free port; see {@link #port()}).
     *
     * @throws RigFailureException when the port cannot be bound
     */
    public static TcpCableServer listen(int port, Clock clock, ByteReceiver receiver) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        TcpCableServer[] self = new TcpCableServer[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new Cable(self, clock, receiver));
                    }
                });
        ChannelFuture bound = bootstrap.bind(port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new RigFailureException("tcp port " + port + ": cannot listen (" + bound.cause().getMessage() + ")",
                    bound.cause());
        }
        int actual = ((InetSocketAddress) bound.channel().localAddress()).getPort();
        self[0] = new TcpCableServer(group, bound.channel(), actual);
        return self[0];
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    /** Whether a peer is connected now. */
    public boolean isConnected() {
        Channel c = client;
        return c != null && c.isActive();
    }

    @Override
    public String describe() {
        return "tcp port " + port;
    }

    @Override
    public void write(byte[] bytes) {
        if (!open.get()) {
            throw new RigFailureException(describe() + ": cannot write, the server is closed");
        }
        Channel c = client;
        if (c == null || !c.isActive()) {
            return;
        }
        WriteProgress progress = WriteProgress.write(c, bytes, TcpEndpoint.DEFAULT_WRITE_TIMEOUT_NANOS, WALL);
        ChannelFuture written = progress.future();
        if (progress.stalled()) {
            LOG.warn("{}: the peer took {} of {} bytes, then none for {} (write timeout): unplugged", describe(),
                    progress.taken(), bytes.length, Durations.format(TcpEndpoint.DEFAULT_WRITE_TIMEOUT_NANOS));
            c.close();
            return;
        }
        if (!written.isSuccess() && c.isActive()) {
            throw new RigFailureException(describe() + ": write of " + bytes.length + " bytes failed ("
                    + written.cause().getMessage() + ")", written.cause());
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            Channel c = client;
            if (c != null) {
                c.close().awaitUninterruptibly();
            }
            server.close().awaitUninterruptibly();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /** One connection: plugged in when active (unless another is), hands read bytes over, unplugged when inactive. */
    private static final class Cable extends ChannelInboundHandlerAdapter {
        private final TcpCableServer[] server;
        private final Clock clock;
        private final ByteReceiver receiver;
        private boolean plugged;

        Cable(TcpCableServer[] server, Clock clock, ByteReceiver receiver) {
            this.server = server;
            this.clock = clock;
            this.receiver = receiver;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            TcpCableServer s = server[0];
            if (s == null || s.isConnected()) {
                ctx.close(); // one cable at a time
                return;
            }
            s.client = ctx.channel();
            plugged = true;
            receiver.readerStarted();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long timeNanos = clock.nowNanos();
            ByteBuf buf = (ByteBuf) msg;
            try {
                if (plugged) {
                    receiver.received(ByteBufUtil.getBytes(buf), timeNanos);
                }
            } finally {
                buf.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (plugged && server[0].client == ctx.channel()) {
                server[0].client = null;
            }
            plugged = false;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
