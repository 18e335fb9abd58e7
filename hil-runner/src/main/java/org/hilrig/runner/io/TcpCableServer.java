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
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's end of a serial-over-TCP cable: a Netty server on a port of one address (the loopback
 * address unless told otherwise) that takes one connection at a time (one connection is one cable; a new caller unplugs the one
 * before, so a client that died without closing never locks the board away). Bytes
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
    private final InetSocketAddress address;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile Channel client;

    private TcpCableServer(EventLoopGroup group, Channel server, InetSocketAddress address) {
        this.group = group;
        this.server = server;
        this.address = address;
    }

    /**
     * Listens on {@code port} of the loopback address only (0 picks a free port; see {@link #port()}): an
     * emulated board is not reachable from other machines unless asked for with {@link #listen(InetAddress,
     * int, Clock, ByteReceiver)}.
     *
     * @throws RigFailureException when the port cannot be bound
     */
    public static TcpCableServer listen(int port, Clock clock, ByteReceiver receiver) {
        return listen(InetAddress.getLoopbackAddress(), port, clock, receiver);
    }

    /**
     * Listens on {@code port} of {@code bindAddress} (the wildcard address {@code 0.0.0.0} or {@code ::}: every
     * interface; 0 picks a free port).
     *
     * @throws RigFailureException when the port cannot be bound there
     */
    public static TcpCableServer listen(InetAddress bindAddress, int port, Clock clock, ByteReceiver receiver) {
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
        ChannelFuture bound = bootstrap.bind(bindAddress, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new RigFailureException("tcp port " + port + " on " + NetUtil.toAddressString(bindAddress) + ": cannot listen ("
                    + bound.cause().getMessage() + ")", bound.cause());
        }
        self[0] = new TcpCableServer(group, bound.channel(), (InetSocketAddress) bound.channel().localAddress());
        return self[0];
    }

    /**
     * {@code text} as an address this machine can listen on: a literal IPv4 or IPv6 address (never a name to
     * look up), the wildcard ({@code 0.0.0.0}, {@code ::}) or an address of one of its interfaces.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static InetAddress bindAddress(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        InetAddress a = NetUtil.createInetAddressFromIpAddressString(t);
        if (a == null) {
            throw new IllegalArgumentException("not an IP address (allowed: a literal address such as 127.0.0.1, ::1 or 0.0.0.0)");
        }
        try {
            if (!a.isAnyLocalAddress() && NetworkInterface.getByInetAddress(a) == null) {
                throw new IllegalArgumentException("not an address of this machine (allowed: 127.0.0.1, ::1, 0.0.0.0, :: or an"
                        + " address of one of its interfaces)");
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException("cannot list this machine's addresses (" + e.getMessage() + ")", e);
        }
        return a;
    }

    /** The port listened on. */
    public int port() {
        return address.getPort();
    }

    /** The address and port listened on, as the socket is bound. */
    public InetSocketAddress localAddress() {
        return address;
    }

    /** Whether a peer is connected now. */
    public boolean isConnected() {
        Channel c = client;
        return c != null && c.isActive();
    }

    @Override
    public String describe() {
        return "tcp port " + address.getPort() + " on " + NetUtil.toAddressString(address.getAddress());
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
            if (s == null) {
                ctx.close();
                return;
            }
            Channel old = s.client;
            s.client = ctx.channel();
            if (old != null && old != ctx.channel()) {
                // the newest caller takes the cable: a client that crashed, or whose close has not been read
                // yet, or whose network went away without a FIN, must never lock every later caller out
                old.close();
            }
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
